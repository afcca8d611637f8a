/** Whether the inspector shows, and whether it is folded to its header; kept across visits. */
export interface InspectorLayout {
  readonly open: boolean
  readonly collapsed: boolean
}

/** Where the layout is kept in the browser's local storage. */
export const INSPECTOR_LAYOUT_KEY = 'ivr-designer.inspector'

const DEFAULT: InspectorLayout = { open: true, collapsed: false }

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** The layout kept from the last visit; open and unfolded when there is none or it cannot be read. */
export function loadInspectorLayout(
  store: Pick<Storage, 'getItem'> | undefined = storage(),
): InspectorLayout {
  try {
    const raw = store?.getItem(INSPECTOR_LAYOUT_KEY)
    if (!raw) return DEFAULT
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return DEFAULT
    const { open, collapsed } = value as Record<string, unknown>
    return {
      open: typeof open === 'boolean' ? open : DEFAULT.open,
      collapsed: typeof collapsed === 'boolean' ? collapsed : DEFAULT.collapsed,
    }
  } catch {
    return DEFAULT
  }
}

/** Keeps the layout for the next visit; a full or forbidden storage keeps it for this visit only. */
export function saveInspectorLayout(
  layout: InspectorLayout,
  store: Pick<Storage, 'setItem'> | undefined = storage(),
): void {
  try {
    store?.setItem(INSPECTOR_LAYOUT_KEY, JSON.stringify(layout))
  } catch {
    // Nothing to do: the layout stays as it is for this visit.
  }
}
