import { useCallback, useEffect, useRef, useState } from 'react'
import {
  getVersion,
  listVersions,
  type LibraryFailure,
  type LibraryResult,
  type LibraryVersion,
} from '../library/api.ts'

/** The versions of one library IVR as the panel shows them. */
export type VersionsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly versions: readonly LibraryVersion[] }
  | { readonly status: 'failed'; readonly failure: LibraryFailure }

/** How many versions one request asks for; older ones load on demand. */
const PAGE = 100

/**
 * The versions of IVR `id`, newest first, loaded again whenever `reloadKey` changes (such as the
 * version the editor was saved as), and the text of any version, fetched once and kept.
 */
export function useVersions(id: string, reloadKey: unknown) {
  const [state, setState] = useState<VersionsState>({ status: 'loading' })
  const [more, setMore] = useState(false)
  const texts = useRef(new Map<string, string>())
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const current = ++generation.current
    const result = await listVersions(id, { limit: PAGE })
    if (current !== generation.current) return
    if (result.ok) {
      setState({ status: 'ready', versions: result.value })
      setMore(result.value.length === PAGE)
    } else {
      setState({ status: 'failed', failure: result.failure })
    }
  }, [id])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready') return
    const last = state.versions[state.versions.length - 1]
    if (last === undefined) return
    const result = await listVersions(id, { before: last.number, limit: PAGE })
    if (!result.ok) return
    setState({ status: 'ready', versions: [...state.versions, ...result.value] })
    setMore(result.value.length === PAGE)
  }, [id, state])

  useEffect(() => {
    setState((before) => (before.status === 'ready' ? before : { status: 'loading' }))
    void reload()
  }, [reload, reloadKey])

  const textOf = useCallback(
    async (number: number): Promise<LibraryResult<string>> => {
      const key = `${id}\u0000${number}`
      const known = texts.current.get(key)
      if (known !== undefined) return { ok: true, value: known }
      const result = await getVersion(id, number)
      if (!result.ok) return result
      texts.current.set(key, result.value.yaml)
      return { ok: true, value: result.value.yaml }
    },
    [id],
  )

  return { state, more, reload, loadMore, textOf }
}
