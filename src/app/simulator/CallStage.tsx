import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { fileNameOfUrl, hostOfUrl } from '../../graph/labels.ts'
import type { Awaiting, CallInput } from '../../simulate/call.ts'
import { PROMPT_ROUNDS } from '../../simulate/call.ts'
import { optionsInKeyOrder } from '../../simulate/engine.ts'
import buttonStyles from '../components/Button.module.css'
import { CheckCircleIcon, WarningIcon } from '../components/icons.tsx'
import { isModalOpen } from '../panels/shortcuts.ts'
import type { CallSession } from '../state/call.ts'
import { useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './CallStage.module.css'
import { callStatus, lastPlace, outcomeTone, outcomeWords, placeText } from './call-view.ts'
import {
  ClockIcon,
  FlagIcon,
  HangUpIcon,
  HourglassIcon,
  SkipIcon,
  SpeakerOffIcon,
} from './icons.tsx'
import { Keypad } from './Keypad.tsx'
import { phoneKeyOf, typesText } from './keypad.ts'
import { ReplyForm } from './ReplyForm.tsx'
import type { PromptPlayback } from './use-prompt-audio.ts'

/** How long a key typed on the computer's keyboard stays lit on the keypad. */
const FLASH_MS = 160

/**
 * What the call needs now, or how it ended: the recording playing, the keypad at a menu or while
 * digits are collected, the reply of a fetch URL, the queue, and the outcome at the end. While
 * the panel shows and the call waits for a key, the keyboard's digits, `*` and `#` press keys.
 */
export function CallStage(props: {
  session: CallSession
  visible: boolean
  muted: boolean
  playback: PromptPlayback
  /** The buttons under the outcome once the call ended: call again, replay, clear. */
  endActions: ReactNode
}) {
  const { session, playback } = props
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const status = callStatus(session)
  const awaiting =
    status.kind === 'ringing' || status.kind === 'queued' ? session.call.awaiting : null
  const takesKeys = awaiting?.kind === 'key' || awaiting?.kind === 'digits'
  const [flash, setFlash] = useState<string | null>(null)
  const flashTimer = useRef<number | null>(null)

  const send = (input: CallInput) => dispatch({ type: 'call.input', input })

  const press = (key: string) => send({ type: 'key', key })
  const pressRef = useRef(press)
  pressRef.current = press

  useEffect(() => {
    if (!props.visible || !takesKeys) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || isModalOpen() || typesText(event.target)) return
      const key = phoneKeyOf(event)
      if (key === null) return
      event.preventDefault()
      pressRef.current(key)
      setFlash(key)
      if (flashTimer.current !== null) window.clearTimeout(flashTimer.current)
      flashTimer.current = window.setTimeout(() => setFlash(null), FLASH_MS)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [props.visible, takesKeys])

  useEffect(
    () => () => {
      if (flashTimer.current !== null) window.clearTimeout(flashTimer.current)
    },
    [],
  )

  const live = status.kind === 'ringing' || status.kind === 'queued'
  const keyLabel = (key: string) => t('testcall.key', { key })

  return (
    <div className={styles.stage} data-testid="call-stage" data-awaiting={awaiting?.kind}>
      {live && <NowPlaying playback={playback} muted={props.muted} />}
      {awaiting?.kind === 'key' && (
        <ChoiceStage
          awaiting={awaiting}
          playback={playback}
          transcriptPrompt={promptKeyOf(session, playback.entry)}
          flash={flash}
          keyLabel={keyLabel}
          onPress={press}
          onSilence={() => send({ type: 'no-input' })}
        />
      )}
      {awaiting?.kind === 'digits' && (
        <div className={styles.block}>
          <div className={styles.blockHead}>
            <h3 className={styles.blockTitle}>{t('testcall.digits.title')}</h3>
            <span className={styles.pill}>{hostOfUrl(awaiting.command.url?.value ?? '')}</span>
          </div>
          <div className={styles.digitsLayout}>
            <Keypad
              label={t('testcall.keypad')}
              offered={EMPTY_KEYS}
              flash={flash}
              keyLabel={keyLabel}
              onPress={press}
            />
            <div className={styles.digitsSide}>
              <output className={styles.digits} data-testid="digits" aria-live="polite">
                {awaiting.collected === '' ? (
                  <span className={styles.digitsEmpty}>{t('testcall.digits.empty')}</span>
                ) : (
                  awaiting.collected
                )}
                <span className={styles.caret} aria-hidden="true" />
              </output>
              <p className={styles.hint}>{t('testcall.digits.hint')}</p>
              <SilenceButton
                label={t('testcall.no-input.digits')}
                onClick={() => send({ type: 'no-input' })}
              />
            </div>
          </div>
        </div>
      )}
      {awaiting?.kind === 'reply' && (
        <ReplyForm
          key={`${session.id}:${session.call.transcript.length}`}
          session={session}
          awaiting={awaiting}
          onInput={send}
        />
      )}
      {status.kind === 'ended' && (
        <Outcome
          tone={outcomeTone(status.outcome.kind)}
          kind={status.outcome.kind}
          {...outcomeWords(status.outcome, locale)}
          where={placeOf(session, locale)}
          actions={props.endActions}
        />
      )}
      {status.kind === 'hung-up-by-admin' && (
        <Outcome
          tone="warning"
          kind="hung-up-by-admin"
          label={t('testcall.outcome.hung-up-by-admin')}
          sentence={t('testcall.outcome.hung-up-by-admin.body')}
          where={placeOf(session, locale)}
          actions={props.endActions}
        />
      )}
    </div>
  )
}

const EMPTY_KEYS: ReadonlySet<string> = new Set()

function placeOf(session: CallSession, locale: Parameters<typeof placeText>[1]): string | null {
  const place = lastPlace(session.call)
  return place ? placeText(place, locale) : null
}

/** The key of the option whose prompt plays now, from the transcript entry playing. */
function promptKeyOf(session: CallSession, entry: number | null): string | null {
  if (entry === null) return null
  const playing = session.call.transcript[entry]
  return playing?.kind === 'prompt' ? playing.key : null
}

function ChoiceStage(props: {
  awaiting: Extract<Awaiting, { kind: 'key' }>
  playback: PromptPlayback
  transcriptPrompt: string | null
  flash: string | null
  keyLabel: (key: string) => string
  onPress: (key: string) => void
  onSilence: () => void
}) {
  const { t } = useLocale()
  const options = useMemo(() => optionsInKeyOrder(props.awaiting.command), [props.awaiting.command])
  const offered = useMemo(() => new Set(options.map((o) => o.key)), [options])
  return (
    <div className={styles.block}>
      <div className={styles.blockHead}>
        <h3 className={styles.blockTitle}>{t('testcall.choice.title')}</h3>
        <span className={styles.pill} data-testid="round">
          {t('testcall.choice.round', { round: props.awaiting.round, rounds: PROMPT_ROUNDS })}
        </span>
      </div>
      <div className={styles.choiceLayout}>
        <Keypad
          label={t('testcall.keypad')}
          offered={offered}
          flash={props.flash}
          keyLabel={props.keyLabel}
          onPress={props.onPress}
        />
        <div className={styles.choiceSide}>
          <ul className={styles.options} aria-label={t('testcall.choice.options')}>
            {options.map((option) => (
              <li key={option.key}>
                <button
                  type="button"
                  className={styles.option}
                  data-option={option.key}
                  data-playing={props.transcriptPrompt === option.key || undefined}
                  onClick={() => props.onPress(option.key)}
                >
                  <span className={styles.optionKey}>{option.key}</span>
                  <span className={styles.optionText}>
                    <span className={styles.optionName}>
                      {option.name?.value ?? t('testcall.choice.unnamed', { key: option.key })}
                    </span>
                    <span className={styles.optionWhere}>
                      {option.goto
                        ? t('testcall.choice.goto', { section: option.goto.value })
                        : option.play
                          ? fileNameOfUrl(option.play.value)
                          : t('testcall.choice.silent')}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <SilenceButton label={t('testcall.no-input')} onClick={props.onSilence} />
          <p className={styles.hint}>{t('testcall.choice.hint')}</p>
        </div>
      </div>
    </div>
  )
}

function SilenceButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`${buttonStyles.button} ${buttonStyles.secondary} ${styles.silence}`}
      data-testid="no-input"
      onClick={onClick}
    >
      <ClockIcon size={15} />
      {label}
    </button>
  )
}

/** The recording playing now, or why none is heard. */
function NowPlaying({ playback, muted }: { playback: PromptPlayback; muted: boolean }) {
  const { t } = useLocale()
  if (muted) {
    return (
      <p className={styles.playing} data-testid="now-playing" data-status="muted">
        <SpeakerOffIcon size={16} />
        <span className={styles.playingText}>{t('testcall.audio.muted')}</span>
      </p>
    )
  }
  if (playback.url === null || playback.status === 'idle') return null
  const file = fileNameOfUrl(playback.url)
  return (
    <p
      className={styles.playing}
      data-testid="now-playing"
      data-status={playback.status}
      title={playback.url}
    >
      {playback.status === 'failed' ? (
        <WarningIcon size={16} className={styles.failedIcon} />
      ) : (
        <span
          className={styles.bars}
          data-loading={playback.status === 'loading' || undefined}
          aria-hidden="true"
        >
          <span />
          <span />
          <span />
        </span>
      )}
      <span className={styles.playingText}>{t(`testcall.audio.${playback.status}`, { file })}</span>
      {playback.status !== 'failed' && (
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.small}`}
          onClick={playback.skip}
        >
          <SkipIcon size={14} />
          {t('testcall.audio.skip')}
        </button>
      )}
    </p>
  )
}

const OUTCOME_ICONS = {
  success: CheckCircleIcon,
  waiting: HourglassIcon,
  warning: FlagIcon,
  error: WarningIcon,
} as const

function Outcome(props: {
  tone: keyof typeof OUTCOME_ICONS
  kind: string
  label: string
  sentence: string
  where: string | null
  actions: ReactNode
}) {
  const { t } = useLocale()
  const Icon = props.kind === 'hung-up-by-admin' ? HangUpIcon : OUTCOME_ICONS[props.tone]
  return (
    <div
      className={styles.outcome}
      data-tone={props.tone}
      data-outcome={props.kind}
      data-testid="outcome"
      role="status"
    >
      <span className={styles.outcomeIcon}>
        <Icon size={22} />
      </span>
      <div className={styles.outcomeText}>
        <h3 className={styles.outcomeLabel}>{props.label}</h3>
        <p className={styles.outcomeSentence}>{props.sentence}</p>
        {props.where !== null && (
          <p className={styles.outcomeWhere}>
            {t('testcall.outcome.where', { place: props.where })}
          </p>
        )}
        <div className={styles.outcomeActions}>{props.actions}</div>
      </div>
    </div>
  )
}
