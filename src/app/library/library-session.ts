import type { MessageId } from '../../i18n/en.ts'
import { translate, type MessageArgs } from '../../i18n/translate.ts'
import { mergeThreeWay, type MergeResult } from '../../merge/three-way.ts'
import { loadToken, saveToken, sessionTokenStorage } from '../recordings/token.ts'
import type { AppStore } from '../state/app-store.ts'
import { fileText } from '../state/document.ts'
import {
  createIvr,
  deleteIvr,
  duplicateIvr,
  recoverIvr,
  renameIvr,
  getIvr,
  getVersion,
  isLibraryMissing,
  listIvrs,
  saveIvr,
  type IvrText,
  type LibraryIvr,
  type LibraryResult,
} from './api.ts'
import { createAutosaver, type Autosaver } from './autosave.ts'
import { RECOVERABLE_DAYS } from './library-manage.ts'
import { draftKeyOf, draftOf, ivrDraftKey, type DraftStore } from './drafts.ts'
import { addressWithIvr, applyStart, startFromIvr, type StartDocument } from './startup.ts'

/** A save refused because another save came first, waiting to be merged. */
export interface PendingMerge {
  readonly id: string
  /** The version my text was based on, and its text. */
  readonly baseVersion: number
  readonly base: string
  /** The text in the editor when the save was refused. */
  readonly mine: string
  /** The IVR as the server has it now. */
  readonly theirs: IvrText
  readonly result: MergeResult
}

/** What the library part of the editor shows besides the document itself. */
export interface LibraryStatus {
  /** Whether the server keeps a library; `null` until it is known. */
  readonly available: boolean | null
  readonly saving: boolean
  /** When the unsaved changes restored at opening were made; `null` once dealt with. */
  readonly restoredAt: number | null
  readonly merge: PendingMerge | null
  /** The dialog open now. */
  readonly dialog: 'library' | 'message' | null
  /** Whether to ask for the access token, and whether the last one was refused. */
  readonly tokenQuestion: { readonly wrong: boolean } | null
  /** Whether the open IVR is being switched, so the library dialog can show it. */
  readonly opening: boolean
}

/** How a merge is settled. */
export type MergeChoice =
  | { readonly kind: 'merged'; readonly text: string }
  | { readonly kind: 'mine' }
  | { readonly kind: 'theirs' }
  | { readonly kind: 'cancel' }

/** The library as the editor uses it; one per page, made in `main.tsx`. */
export interface LibrarySession {
  getStatus(): LibraryStatus
  subscribe(listener: () => void): () => void
  /** Starts autosaving, the address and the leave warning; returns the function that stops them. */
  start(): () => void
  /** Saves the open IVR as its next version, or as a new library IVR when it is a file. */
  save(message?: string): Promise<void>
  /** Opens library IVR `id`, with this browser's unsaved changes to it. */
  open(id: string): Promise<void>
  /** Creates a library IVR from a template and opens it. */
  create(input: { readonly template: string; readonly name?: string }): Promise<void>
  /** Goes back to the saved version, dropping the restored changes. */
  discardRestored(): Promise<void>
  dismissRestored(): void
  settleMerge(choice: MergeChoice): Promise<void>
  showDialog(dialog: LibraryStatus['dialog']): void
  answerToken(token: string | null): void
  /** Writes the pending draft now. */
  flushDrafts(): Promise<void>
  /** Renames library IVR `id` (the toolbar follows when it is open); whether it was renamed. */
  rename(id: string, name: string): Promise<boolean>
  /** Copies library IVR `id` under a new id; the copy, or `null` when it failed (said in a toast). */
  duplicate(id: string): Promise<LibraryIvr | null>
  /**
   * Deletes library IVR `id`, recoverably for a while. When it is the open IVR, its text (with
   * any unsaved changes) stays in the editor as a file not in the library. Whether it was deleted.
   */
  remove(id: string): Promise<boolean>
  /** Brings deleted IVR `id` back; whether it came back. */
  recover(id: string): Promise<boolean>
}

const INITIAL: LibraryStatus = {
  available: null,
  saving: false,
  restoredAt: null,
  merge: null,
  dialog: null,
  tokenQuestion: null,
  opening: false,
}

/** The name a file gets in the library: its file name without the extension. */
export function libraryNameOf(fileName: string): string {
  const base = fileName.replace(/\.(ya?ml|txt)$/i, '').trim()
  return base === '' ? 'New IVR' : base.slice(0, 200)
}

/** Waits for the editor to hand its latest typing to the store (it does so once per frame). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') resolve()
    else requestAnimationFrame(() => resolve())
  })
}

/** Makes the page's library session on `store`, keeping drafts in `drafts`. */
export function createLibrarySession(
  store: AppStore,
  drafts: DraftStore,
  start: StartDocument,
): LibrarySession {
  let status: LibraryStatus = { ...INITIAL, restoredAt: start.restoredAt }
  const listeners = new Set<() => void>()
  const tokens = sessionTokenStorage()
  let tokenAnswer: ((token: string | null) => void) | null = null
  const autosaver: Autosaver = createAutosaver(drafts)

  const update = (change: Partial<LibraryStatus>) => {
    status = { ...status, ...change }
    for (const listener of [...listeners]) listener()
  }
  const t = (id: MessageId, args?: MessageArgs) =>
    translate(store.getState().preferences.locale, id, args)
  const toast = (tone: 'info' | 'success' | 'error', messageId: MessageId, args?: MessageArgs) =>
    store.dispatch({ type: 'toast.show', tone, messageId, args: args ?? {} })

  const askToken = (wrong: boolean) =>
    new Promise<string | null>((resolve) => {
      tokenAnswer = resolve
      update({ tokenQuestion: { wrong } })
    })

  /** Runs `request` with this tab's token, asking for one when the server wants it. */
  async function withToken<T>(
    request: (token: string | null) => Promise<LibraryResult<T>>,
  ): Promise<LibraryResult<T>> {
    for (;;) {
      const sent = loadToken(tokens)
      const result = await request(sent)
      if (result.ok || result.failure.status !== 401) return result
      const now = loadToken(tokens)
      if (now !== null && now !== sent) continue
      if (sent !== null) saveToken(tokens, null)
      const token = await askToken(sent !== null)
      if (token === null) return result
      saveToken(tokens, token)
    }
  }

  const reasonOf = (failure: { code: string; message: string; status: number }) =>
    failure.status === 0 ? t('library.error.network') : failure.message || failure.code

  /** Shows the open IVR in the address, so a reload opens it again. */
  const showInAddress = () => {
    if (typeof window === 'undefined') return
    const id = store.getState().document.library?.id ?? null
    const next = addressWithIvr(window.location.href, id)
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next)
  }

  const openStart = (next: StartDocument) => {
    applyStart(store, next)
    update({ restoredAt: next.restoredAt, merge: null })
    showInAddress()
  }

  async function startMerge(current: IvrText): Promise<void> {
    const { document } = store.getState()
    const link = document.library
    if (link === null) return
    const base = await getVersion(link.id, link.version)
    // The saved text is the base version as it was opened; the server's copy is the same text.
    const baseText = base.ok ? base.value.yaml.replace(/^\uFEFF/, '') : document.savedText
    const mine = document.view.text
    const theirs = current.yaml.replace(/^\uFEFF/, '')
    const result = mergeThreeWay(baseText, mine, theirs, {
      mine: t('merge.marker.mine'),
      theirs: t('merge.marker.theirs', { version: current.ivr.head }),
    })
    update({
      merge: {
        id: link.id,
        baseVersion: link.version,
        base: baseText,
        mine,
        theirs: current,
        result,
      },
    })
  }

  async function save(message?: string): Promise<void> {
    if (status.saving || status.merge !== null) return
    if (status.available === false) {
      toast('error', 'library.error.unavailable')
      return
    }
    update({ saving: true })
    try {
      await nextFrame()
      const { document } = store.getState()
      const text = document.view.text
      const file = fileText(document)
      const link = document.library
      if (link === null) {
        const oldKey = draftKeyOf(null, document.name)
        const name = libraryNameOf(document.name)
        const created = await withToken((token) =>
          createIvr({ name, yaml: file, ...(message ? { message } : {}) }, { token }),
        )
        if (!created.ok) {
          toast('error', 'library.save.failed', { reason: reasonOf(created.failure) })
          return
        }
        const { ivr, version } = created.value
        store.dispatch({
          type: 'document.saved',
          name: ivr.name,
          library: { id: ivr.id, version: version.number },
          text,
        })
        await drafts.delete(oldKey).catch(() => undefined)
        showInAddress()
        toast('success', 'library.saved.new', { name: ivr.name, version: version.number })
        return
      }
      const saved = await withToken((token) =>
        saveIvr(link.id, file, { base: link.version, token, ...(message ? { message } : {}) }),
      )
      if (saved.ok) {
        const { version, ivr } = saved.value
        // Another IVR may have been opened while the save was on its way.
        if (store.getState().document.library?.id !== link.id) return
        store.dispatch({
          type: 'document.saved',
          library: { id: link.id, version: version.number },
          text,
        })
        update({ restoredAt: null })
        if (saved.value.saved)
          toast('success', 'library.saved', { name: ivr.name, version: version.number })
        else toast('info', 'library.saved.unchanged', { version: version.number })
        return
      }
      const { failure } = saved
      if (failure.status === 409 && failure.current !== undefined) {
        await startMerge(failure.current)
        return
      }
      if (failure.status === 410) {
        toast('error', 'library.save.deleted', { name: document.name })
        return
      }
      toast('error', 'library.save.failed', { reason: reasonOf(failure) })
    } finally {
      update({ saving: false })
    }
  }

  async function open(id: string): Promise<void> {
    if (store.getState().document.library?.id === id) {
      update({ dialog: null })
      return
    }
    update({ opening: true })
    try {
      // The IVR left behind keeps its changes as its draft.
      schedule()
      await autosaver.flush()
      const [answer, draft] = await Promise.all([
        getIvr(id),
        drafts.get(ivrDraftKey(id)).catch(() => undefined),
      ])
      if (!answer.ok) {
        toast('error', 'library.open.failed', { reason: reasonOf(answer.failure) })
        return
      }
      openStart(startFromIvr(answer.value, draft))
      update({ dialog: null })
    } finally {
      update({ opening: false })
    }
  }

  async function create(input: { template: string; name?: string }): Promise<void> {
    update({ opening: true })
    try {
      schedule()
      await autosaver.flush()
      const created = await withToken((token) =>
        createIvr(
          { template: input.template, ...(input.name ? { name: input.name } : {}) },
          { token },
        ),
      )
      if (!created.ok) {
        toast('error', 'library.create.failed', { reason: reasonOf(created.failure) })
        return
      }
      const answer = await getIvr(created.value.ivr.id)
      if (!answer.ok) {
        toast('error', 'library.open.failed', { reason: reasonOf(answer.failure) })
        return
      }
      openStart(startFromIvr(answer.value, undefined))
      update({ dialog: null })
    } finally {
      update({ opening: false })
    }
  }

  async function discardRestored(): Promise<void> {
    const { document } = store.getState()
    const link = document.library
    if (link !== null) {
      const answer = await getIvr(link.id)
      if (answer.ok) {
        openStart(startFromIvr(answer.value, undefined))
        return
      }
    }
    // Without the server (or for a file), the text as it was last saved is the way back.
    store.dispatch({ type: 'document.text', text: document.savedText })
    update({ restoredAt: null })
  }

  async function settleMerge(choice: MergeChoice): Promise<void> {
    const merge = status.merge
    if (merge === null) return
    update({ merge: null })
    if (choice.kind === 'cancel') return
    const theirsText = merge.theirs.yaml.replace(/^\uFEFF/, '')
    const head = { id: merge.id, version: merge.theirs.ivr.head }
    // From now on the document is based on their version: that is what the server has.
    store.dispatch({ type: 'document.saved', library: head, text: theirsText })
    if (choice.kind === 'theirs') {
      store.dispatch({ type: 'document.text', text: theirsText })
      update({ restoredAt: null })
      toast('info', 'merge.took-theirs', { version: head.version })
      return
    }
    if (choice.kind === 'merged') store.dispatch({ type: 'document.text', text: choice.text })
    await save()
  }

  async function rename(id: string, name: string): Promise<boolean> {
    const answer = await withToken((token) => renameIvr(id, name, { token }))
    if (!answer.ok) {
      toast('error', 'library.manage.rename.failed', { reason: reasonOf(answer.failure) })
      return false
    }
    const { document } = store.getState()
    if (document.library?.id === id) {
      // Only the name changes: the saved text stays what it was, so unsaved changes stay unsaved.
      store.dispatch({ type: 'document.saved', name: answer.value.name, text: document.savedText })
    }
    toast('success', 'library.manage.renamed', { name: answer.value.name })
    return true
  }

  async function duplicate(id: string): Promise<LibraryIvr | null> {
    const answer = await withToken((token) => duplicateIvr(id, {}, { token }))
    if (!answer.ok) {
      toast('error', 'library.manage.duplicate.failed', { reason: reasonOf(answer.failure) })
      return null
    }
    toast('success', 'library.manage.duplicated', { name: answer.value.ivr.name })
    return answer.value.ivr
  }

  async function remove(id: string): Promise<boolean> {
    const answer = await withToken((token) => deleteIvr(id, { token }))
    if (!answer.ok) {
      toast('error', 'library.manage.delete.failed', { reason: reasonOf(answer.failure) })
      return false
    }
    const { document } = store.getState()
    if (document.library?.id === id) {
      // The text is kept as a file of its own, unsaved changes included, so nothing typed is
      // lost; Save puts it back in the library as a new IVR.
      store.dispatch({ type: 'document.saved', library: null, text: document.savedText })
      update({ restoredAt: null })
      toast('info', 'library.manage.deleted.open', {
        name: answer.value.name,
        days: RECOVERABLE_DAYS,
      })
    } else {
      toast('success', 'library.manage.deleted', {
        name: answer.value.name,
        days: RECOVERABLE_DAYS,
      })
    }
    return true
  }

  async function recover(id: string): Promise<boolean> {
    const answer = await withToken((token) => recoverIvr(id, { token }))
    if (!answer.ok) {
      toast('error', 'library.manage.recover.failed', { reason: reasonOf(answer.failure) })
      return false
    }
    toast('success', 'library.manage.recovered', { name: answer.value.name })
    return true
  }

  function schedule(): void {
    autosaver.schedule(draftOf(store.getState(), Date.now()))
  }

  function startSession(): () => void {
    let last = store.getState()
    const unsubscribe = store.subscribe(() => {
      const state = store.getState()
      const before = last
      last = state
      if (state.document.library?.id !== before.document.library?.id) showInAddress()
      if (
        state.document !== before.document ||
        state.canvas.manual !== before.canvas.manual ||
        state.selection !== before.selection
      ) {
        if (state.document.session !== before.document.session && status.restoredAt !== null) {
          // Another document was opened: the restored changes are no longer what is shown (an
          // opening of this session's own sets the notice again right after).
          update({ restoredAt: null })
        }
        schedule()
      }
    })
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void autosaver.flush()
      const { document } = store.getState()
      if (document.view.text !== document.savedText) {
        event.preventDefault()
        // Older browsers show the question only when a value is set.
        event.returnValue = ''
      }
    }
    const onHide = () => {
      if (window.document.visibilityState === 'hidden') void autosaver.flush()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', onHide)
    window.document.addEventListener('visibilitychange', onHide)
    showInAddress()
    // The first draft is the document as opened, so a later start knows which one was open.
    schedule()
    void listIvrs().then((answer) => {
      update({ available: answer.ok || !isLibraryMissing(answer.failure) })
      // Editing goes on without the server: the text is kept in this browser meanwhile.
      if (!answer.ok && answer.failure.status === 0) toast('error', 'library.offline')
    })
    return () => {
      unsubscribe()
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('pagehide', onHide)
      window.document.removeEventListener('visibilitychange', onHide)
    }
  }

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start: startSession,
    save,
    open,
    create,
    discardRestored,
    dismissRestored: () => update({ restoredAt: null }),
    settleMerge,
    showDialog: (dialog) => update({ dialog }),
    answerToken(token) {
      const answer = tokenAnswer
      tokenAnswer = null
      update({ tokenQuestion: null })
      answer?.(token)
    },
    flushDrafts: () => autosaver.flush(),
    rename,
    duplicate,
    remove,
    recover,
  }
}
