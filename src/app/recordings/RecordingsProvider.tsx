import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { MessageId } from '../../i18n/en.ts'
import { translate, type MessageArgs } from '../../i18n/translate.ts'
import { useAsk, type Ask } from '../components/Dialog.tsx'
import type { AppStore } from '../state/app-store.ts'
import { useAppStore } from '../state/store-context.tsx'
import {
  deleteRecording,
  fetchRecordings,
  uploadRecording,
  type ApiFailure,
  type ApiResult,
} from './api.ts'
import { failureTitle } from './failures.ts'
import { baseUrlOf, type Recording } from './recording.ts'
import { DeleteSummary } from './DeleteSummary.tsx'
import { loadToken, saveToken, sessionTokenStorage } from './token.ts'
import { TokenDialog } from './TokenDialog.tsx'
import { recordingUsages } from './usage.ts'

/** What the panel, the toolbar and the canvas can do with recordings. */
export interface RecordingsController {
  /** Lists the recordings again. */
  refresh(): Promise<void>
  /**
   * Uploads each file on its own, showing its progress and, when the server refuses it, its
   * reason; resolves with what became of each file, in order.
   */
  upload(files: readonly File[]): Promise<UploadOutcome[]>
  /** Uploads a refused file again. */
  retry(uploadId: number): void
  /** Forgets a refused file. */
  dismiss(uploadId: number): void
  /** Deletes a recording after asking, with a warning when the open IVR still plays it. */
  remove(recording: Recording): Promise<void>
}

/** What became of one uploaded file: the stored recording, or the server's refusal. */
export type UploadOutcome =
  | { readonly ok: true; readonly name: string; readonly recording: Recording }
  | { readonly ok: false; readonly name: string; readonly failure: ApiFailure }

const ControllerContext = createContext<RecordingsController | null>(null)

/** At most this many files go up at once; the others wait their turn. */
const PARALLEL_UPLOADS = 2

/** The list is read again when the window comes back into focus, at most this often. */
const REFRESH_ON_FOCUS_MS = 15_000

interface TokenQuestion {
  /** Whether the token sent last was refused, rather than missing. */
  readonly wrong: boolean
  readonly resolve: (token: string | null) => void
}

/**
 * Lists the server's recordings when the editor opens and keeps them in the store (so the
 * validator can check play URLs against them), and makes `useRecordings` work inside. Asks for
 * the server's access token once, when a write is refused for the lack of it, and keeps it for
 * the tab.
 */
export function RecordingsProvider({ children }: { children: ReactNode }) {
  const store = useAppStore()
  const ask = useAsk()
  const [question, setQuestion] = useState<TokenQuestion | null>(null)
  const pending = useRef<Promise<string | null> | null>(null)

  const askToken = useCallback((wrong: boolean): Promise<string | null> => {
    if (pending.current) return pending.current
    const answer = new Promise<string | null>((resolve) => setQuestion({ wrong, resolve }))
    pending.current = answer
    void answer.then(() => {
      pending.current = null
      setQuestion(null)
    })
    return answer
  }, [])

  const controller = useMemo(() => createController(store, ask, askToken), [store, ask, askToken])

  useEffect(() => {
    void controller.refresh()
    let last = Date.now()
    const onFocus = () => {
      if (Date.now() - last < REFRESH_ON_FOCUS_MS) return
      last = Date.now()
      void controller.refresh()
    }
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [controller])

  return (
    <ControllerContext.Provider value={controller}>
      {children}
      {question && <TokenDialog wrong={question.wrong} onAnswer={question.resolve} />}
    </ControllerContext.Provider>
  )
}

/** The recordings controller; needs a `RecordingsProvider` above. */
export function useRecordings(): RecordingsController {
  const controller = useContext(ControllerContext)
  if (controller === null) throw new Error('useRecordings needs a RecordingsProvider above it.')
  return controller
}

function createController(
  store: AppStore,
  ask: Ask,
  askToken: (wrong: boolean) => Promise<string | null>,
): RecordingsController {
  const storage = sessionTokenStorage()
  const files = new Map<number, File>()
  const queue: (() => Promise<void>)[] = []
  let running = 0
  let nextId = 1
  let loading: Promise<void> | null = null

  const t = (id: MessageId, args?: MessageArgs) =>
    translate(store.getState().preferences.locale, id, args)

  /**
   * Runs `request` with the token of this tab; when the server asks for a token, asks the person
   * once and tries again with theirs. Gives up, with the server's refusal, when they cancel.
   */
  async function withToken<T>(
    request: (token: string | null) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> {
    for (;;) {
      const sent = loadToken(storage)
      const result = await request(sent)
      if (result.ok || result.failure.status !== 401) return result
      // Another request may have been given a new token in the meantime.
      const now = loadToken(storage)
      if (now !== null && now !== sent) continue
      if (sent !== null) saveToken(storage, null)
      const token = await askToken(sent !== null)
      if (token === null) return result
      saveToken(storage, token)
    }
  }

  function pump(): void {
    while (running < PARALLEL_UPLOADS && queue.length > 0) {
      const task = queue.shift() as () => Promise<void>
      running++
      void task().finally(() => {
        running--
        pump()
      })
    }
  }

  function send(id: number, file: File): Promise<UploadOutcome> {
    return new Promise((resolve) => {
      queue.push(async () => {
        const result = await withToken((token) => {
          // Each try sends the whole file again.
          store.dispatch({ type: 'recordings.upload-progress', id, loaded: 0 })
          return uploadRecording(file, file.name, {
            token,
            onProgress: ({ loaded }) =>
              store.dispatch({ type: 'recordings.upload-progress', id, loaded }),
          })
        })
        if (result.ok) {
          files.delete(id)
          store.dispatch({ type: 'recordings.upload-done', id, recording: result.value })
          resolve({ ok: true, name: file.name, recording: result.value })
        } else {
          store.dispatch({ type: 'recordings.upload-failed', id, failure: result.failure })
          resolve({ ok: false, name: file.name, failure: result.failure })
        }
      })
      pump()
    })
  }

  const failToast = (failure: ApiFailure, messageId: MessageId, args: MessageArgs) => {
    const reason = failure.message || t(failureTitle(failure))
    store.dispatch({ type: 'toast.show', tone: 'error', messageId, args: { ...args, reason } })
  }

  return {
    refresh() {
      if (loading) return loading
      loading = (async () => {
        if (store.getState().recordings.status !== 'ready') {
          store.dispatch({ type: 'recordings.loading' })
        }
        const result = await fetchRecordings()
        if (result.ok) {
          const { recordings, baseUrl } = result.value
          store.dispatch({
            type: 'recordings.loaded',
            recordings,
            baseUrl: baseUrlOf(baseUrl, recordings, window.location.origin),
          })
        } else {
          store.dispatch({ type: 'recordings.load-failed', failure: result.failure })
        }
      })().finally(() => {
        loading = null
      })
      return loading
    },

    upload(list) {
      const started = list.map((file) => ({ id: nextId++, name: file.name, size: file.size }))
      started.forEach((upload, i) => files.set(upload.id, list[i] as File))
      if (started.length > 0)
        store.dispatch({ type: 'recordings.upload-started', uploads: started })
      return Promise.all(started.map((upload) => send(upload.id, files.get(upload.id) as File)))
    },

    retry(uploadId) {
      const file = files.get(uploadId)
      if (!file) return
      store.dispatch({
        type: 'recordings.upload-started',
        uploads: [{ id: uploadId, name: file.name, size: file.size }],
      })
      void send(uploadId, file)
    },

    dismiss(uploadId) {
      files.delete(uploadId)
      store.dispatch({ type: 'recordings.upload-dismissed', id: uploadId })
    },

    async remove(recording) {
      const state = store.getState()
      const { parsed } = state.document.view
      const baseUrl = state.recordings.baseUrl
      const usages =
        baseUrl === null
          ? []
          : (recordingUsages(parsed.model, parsed.lines, baseUrl).get(recording.id) ?? [])
      const used = usages.length > 0
      const answer = await ask({
        title: t('recordings.delete.title', { name: recording.name }),
        body: <DeleteSummary usages={usages} locale={state.preferences.locale} />,
        choices: [
          { value: 'cancel', label: t('dialog.cancel'), tone: 'secondary' },
          {
            value: 'delete',
            label: t(used ? 'recordings.delete.anyway' : 'recordings.delete.confirm'),
            tone: 'danger',
          },
        ],
        cancel: 'cancel',
        tone: used ? 'warning' : 'danger',
      })
      if (answer !== 'delete') return
      const result = await withToken((token) => deleteRecording(recording.id, token))
      if (!result.ok) {
        failToast(result.failure, 'recordings.delete.failed', { name: recording.name })
        return
      }
      store.dispatch({ type: 'recordings.removed', id: recording.id })
      store.dispatch({
        type: 'toast.show',
        tone: 'success',
        messageId: 'recordings.deleted',
        args: { name: recording.name },
      })
    },
  }
}
