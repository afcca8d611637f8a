import { useEffect, useRef, useState, type ReactNode, type UIEvent } from 'react'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import type { TranscriptEntry } from '../../simulate/call.ts'
import { PathIcon } from '../canvas/PathIcon.tsx'
import type { CallSession } from '../state/call.ts'
import { useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { entrySentence, entryUrl, outcomeTone, placeText } from './call-view.ts'
import { ClockIcon, EnterIcon, FlagIcon, HourglassIcon, PersonIcon } from './icons.tsx'
import styles from './Transcript.module.css'
import type { PromptPlayback } from './use-prompt-audio.ts'

/**
 * Every step of the call so far, one line each with its section and line. A click selects the
 * step's command in the canvas and the YAML; steps in a script a fetch answered have no place
 * there. The list follows the call as it grows.
 */
export function Transcript({
  session,
  playback,
}: {
  session: CallSession
  playback: PromptPlayback
}) {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const { transcript } = session.call
  const [active, setActive] = useState<number | null>(null)
  const list = useRef<HTMLOListElement>(null)

  useEffect(() => setActive(null), [session.id])

  // Keep the newest step in view, unless the admin scrolled up to read.
  const length = transcript.length
  const pinned = useRef(true)
  useEffect(() => {
    const element = list.current?.parentElement
    if (element && pinned.current) element.scrollTop = element.scrollHeight
  }, [length, session.id])

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget
    pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24
  }

  const select = (entry: TranscriptEntry, index: number) => {
    setActive(index)
    dispatch({ type: 'selection.set', path: entry.path, origin: 'search' })
  }

  return (
    <section className={styles.transcript} aria-labelledby="transcript-title">
      <div className={styles.head}>
        <h3 id="transcript-title" className={styles.title}>
          {t('testcall.transcript')}
        </h3>
        <span className={styles.count}>{length}</span>
      </div>
      <div className={styles.scroller} onScroll={onScroll}>
        <ol ref={list} className={styles.list} data-testid="transcript">
          {transcript.map((entry, index) => {
            const inIvr = entry.script === 0
            const url = entryUrl(entry)
            const place = placeText(entry, locale)
            const sentence = entrySentence(entry, locale)
            const failed = playback.failed.has(index)
            return (
              <li
                key={index}
                className={styles.entry}
                data-kind={entry.kind}
                data-location={`${entry.section}:${entry.line}`}
                data-active={active === index || undefined}
                data-playing={
                  (playback.entry === index && playback.status === 'playing') || undefined
                }
                data-tone={entry.kind === 'end' ? outcomeTone(entry.outcome.kind) : undefined}
              >
                <button
                  type="button"
                  className={styles.button}
                  disabled={!inIvr}
                  title={[sentence, url, inIvr ? null : t('testcall.transcript.reply')]
                    .filter(Boolean)
                    .join('\n')}
                  onClick={() => select(entry, index)}
                >
                  <span className={styles.icon}>{iconOf(entry)}</span>
                  <span className={styles.text}>
                    {sentence}
                    {failed && (
                      <span className={styles.noAudio}>{t('testcall.transcript.no-audio')}</span>
                    )}
                  </span>
                  <span className={styles.place}>{place}</span>
                </button>
              </li>
            )
          })}
        </ol>
      </div>
    </section>
  )
}

function iconOf(entry: TranscriptEntry): ReactNode {
  switch (entry.kind) {
    case 'enter':
      return <EnterIcon size={15} />
    case 'play':
      return <PathIcon paths={ROW_ICONS.play} size={15} />
    case 'prompt':
    case 'key':
      return <span className={styles.key}>{entry.key}</span>
    case 'timeout':
      return <ClockIcon size={15} />
    case 'ring':
      return <PathIcon paths={ROW_ICONS.ring} size={15} />
    case 'queue':
      return <HourglassIcon size={15} />
    case 'goto':
      return <PathIcon paths={ROW_ICONS.goto} size={15} />
    case 'transfer':
      return <PathIcon paths={ROW_ICONS.transfer} size={15} />
    case 'fetch':
    case 'reply':
      return <PathIcon paths={ROW_ICONS.fetch} size={15} />
    case 'dtmf':
      return <PathIcon paths={ROW_ICONS.dtmf} size={15} />
    case 'state':
      return <PersonIcon size={15} />
    case 'end':
      return <FlagIcon size={15} />
  }
}
