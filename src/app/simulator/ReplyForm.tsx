import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Awaiting, CallInput } from '../../simulate/call.ts'
import buttonStyles from '../components/Button.module.css'
import type { CallSession } from '../state/call.ts'
import { useLocale } from '../state/use-locale.ts'
import { fetchReply, replyRequestUrl, type ReplyFetch } from './reply-request.ts'
import styles from './ReplyForm.module.css'

type FetchState = { readonly kind: 'idle' } | { readonly kind: 'fetching' } | ReplyFetch

/**
 * A `fetch` or `dtmf` waits for its URL's answer: the request as the phone system sends it, a
 * field for the admin to paste the answer, a real request from the browser (which the address
 * may refuse to answer to other websites), or "did not answer", which runs `onError`.
 */
export function ReplyForm(props: {
  session: CallSession
  awaiting: Extract<Awaiting, { kind: 'reply' }>
  onInput: (input: CallInput) => void
}) {
  const { t } = useLocale()
  const fieldId = useId()
  const { transcript } = props.session.call
  const request = useMemo(() => {
    for (let i = transcript.length - 1; i >= 0; i--) {
      const entry = transcript[i]!
      if (entry.kind === 'fetch' || entry.kind === 'dtmf') return entry
    }
    return null
  }, [transcript])
  const address = replyRequestUrl(props.awaiting.url, request?.params ?? [], request?.ivrs ?? [])
  const [text, setText] = useState('')
  const [fetched, setFetched] = useState<FetchState>({ kind: 'idle' })
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const fetchNow = async () => {
    setFetched({ kind: 'fetching' })
    const result = await fetchReply(address)
    if (!alive.current) return
    setFetched(result)
    if (result.kind === 'ok') setText(result.text)
  }

  const message =
    fetched.kind === 'ok'
      ? t('testcall.reply.fetched', { count: fetched.text.length })
      : fetched.kind === 'status'
        ? t('testcall.reply.status', { status: fetched.status })
        : fetched.kind === 'blocked'
          ? t('testcall.reply.blocked')
          : fetched.kind === 'timeout'
            ? t('testcall.reply.timeout')
            : null

  return (
    <div className={styles.form} data-testid="reply-form">
      <div className={styles.head}>
        <h3 className={styles.title}>
          {t(request?.kind === 'dtmf' ? 'testcall.reply.title.dtmf' : 'testcall.reply.title')}
        </h3>
        <span className={styles.method}>GET</span>
      </div>
      <code className={styles.address} data-testid="reply-address">
        {address}
      </code>
      <label className={styles.label} htmlFor={fieldId}>
        {t('testcall.reply.label')}
      </label>
      <textarea
        id={fieldId}
        className={styles.field}
        value={text}
        rows={5}
        spellCheck={false}
        placeholder={'start:\n  - play: https://…'}
        onChange={(event) => setText(event.target.value)}
      />
      {message !== null && (
        <p
          className={styles.message}
          data-tone={fetched.kind === 'ok' ? 'ok' : 'problem'}
          role="status"
        >
          {message}
        </p>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.primary}`}
          disabled={text.trim() === ''}
          data-testid="reply-use"
          onClick={() => props.onInput({ type: 'reply', text })}
        >
          {t('testcall.reply.use')}
        </button>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.secondary}`}
          disabled={fetched.kind === 'fetching'}
          data-testid="reply-fetch"
          onClick={() => void fetchNow()}
        >
          {t(fetched.kind === 'fetching' ? 'testcall.reply.fetching' : 'testcall.reply.fetch')}
        </button>
        <span className={styles.spacer} />
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost}`}
          data-testid="reply-failed"
          onClick={() => props.onInput({ type: 'reply-failed' })}
        >
          {t('testcall.reply.failed')}
        </button>
      </div>
    </div>
  )
}
