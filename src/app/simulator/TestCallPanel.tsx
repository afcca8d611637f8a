import { useCallback, useState } from 'react'
import buttonStyles from '../components/Button.module.css'
import { SegmentedControl } from '../components/SegmentedControl.tsx'
import { isLive } from '../state/call.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { CallStage } from './CallStage.tsx'
import { callStatus, lastPlace, placeText } from './call-view.ts'
import {
  ClearIcon,
  HangUpIcon,
  PhoneIcon,
  ReplayIcon,
  SpeakerIcon,
  SpeakerOffIcon,
} from './icons.tsx'
import { PathsView } from './PathsView.tsx'
import { PhoneSystem } from './PhoneSystem.tsx'
import { Refusal } from './Refusal.tsx'
import styles from './TestCallPanel.module.css'
import { Transcript } from './Transcript.tsx'
import { usePromptAudio } from './use-prompt-audio.ts'

type PanelView = 'call' | 'paths'

const MUTED_KEY = 'ivr-designer.test-call.muted'

function loadMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTED_KEY) === 'true'
  } catch {
    // Storage may be disabled; sound is on then.
    return false
  }
}

function saveMuted(muted: boolean): void {
  try {
    window.localStorage.setItem(MUTED_KEY, String(muted))
  } catch {
    // The choice still holds for this visit.
  }
}

/**
 * The test call: the phone system's state, a call through the IVR command by command with its
 * recordings, keypad, fetch replies and transcript, and the list of every path through the IVR.
 * `visible` says whether the panel shows, so that the keyboard's digits reach the call only then.
 */
export function TestCallPanel({ visible }: { visible: boolean }) {
  const { t } = useLocale()
  const [view, setView] = useState<PanelView>('call')
  const [muted, setMuted] = useState(loadMuted)
  const session = useAppState((s) => s.call.session)
  const playback = usePromptAudio(session, muted)

  const toggleMuted = () => {
    setMuted(!muted)
    saveMuted(!muted)
  }

  const showCall = useCallback(() => setView('call'), [])

  return (
    <div className={styles.panel} data-testid="test-call" data-view={view}>
      <div className={styles.header}>
        <SegmentedControl<PanelView>
          legend={t('testcall.view')}
          value={view}
          onChange={setView}
          segments={[
            { value: 'call', label: t('testcall.view.call') },
            { value: 'paths', label: t('testcall.view.paths') },
          ]}
        />
        <span className={styles.spacer} />
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.small}`}
          aria-pressed={!muted}
          title={t(muted ? 'testcall.sound.off.title' : 'testcall.sound.on.title')}
          data-testid="sound"
          onClick={toggleMuted}
        >
          {muted ? <SpeakerOffIcon size={15} /> : <SpeakerIcon size={15} />}
          {t(muted ? 'testcall.sound.off' : 'testcall.sound.on')}
        </button>
      </div>
      {view === 'call' ? (
        <CallView visible={visible} muted={muted} playback={playback} />
      ) : (
        <PathsView onReplay={showCall} />
      )}
    </div>
  )
}

function CallView(props: {
  visible: boolean
  muted: boolean
  playback: ReturnType<typeof usePromptAudio>
}) {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const session = useAppState((s) => s.call.session)
  const stale = useAppState((s) => s.document.view.stale)
  const hasErrors = useAppState((s) =>
    s.document.view.diagnostics.some((d) => d.severity === 'error'),
  )
  const changed = useAppState(
    (s) => s.call.session !== null && s.call.session.revision !== s.document.revision,
  )
  const live = isLive(session)
  const canCall = !stale && !hasErrors
  const status = session ? callStatus(session) : null
  const place = session ? lastPlace(session.call) : null
  const refused = status?.kind === 'ended' && status.outcome.kind === 'refused'

  return (
    <div className={styles.body}>
      <PhoneSystem live={live} />
      {!live && !canCall && <Refusal />}
      {(session === null || refused) && (
        <div className={styles.callBar} data-testid="call-bar">
          <button
            type="button"
            className={`${buttonStyles.button} ${styles.callButton}`}
            disabled={!canCall}
            data-testid="call-button"
            onClick={() => dispatch({ type: 'call.start' })}
          >
            <PhoneIcon size={16} />
            {t('testcall.call')}
          </button>
          <p className={styles.callHint}>{t('testcall.call.hint')}</p>
        </div>
      )}
      {session === null && canCall && (
        <div className={styles.empty}>
          <span className={styles.emptyIcon}>
            <PhoneIcon size={22} />
          </span>
          <h3 className={styles.emptyTitle}>{t('testcall.empty.title')}</h3>
          <p className={styles.emptyBody}>{t('testcall.empty.body')}</p>
        </div>
      )}
      {live && status !== null && (
        <div className={styles.callBar} data-testid="call-bar">
          <span className={styles.status} data-status={status.kind} data-testid="call-status">
            <span className={styles.statusDot} aria-hidden="true" />
            {t(`testcall.status.${status.kind}`)}
          </span>
          {place && (
            <span className={styles.place} title={place.section}>
              {placeText(place, locale)}
            </span>
          )}
          <span className={styles.spacer} />
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.danger}`}
            data-testid="hang-up"
            onClick={() => dispatch({ type: 'call.hang-up' })}
          >
            <HangUpIcon size={16} />
            {t('testcall.hang-up')}
          </button>
        </div>
      )}
      {session !== null && changed && !refused && (
        <p className={styles.notice} role="status" data-testid="call-changed">
          {t('testcall.changed')}
        </p>
      )}
      {session?.replay && session.replay.used < session.replay.given && (
        <p className={styles.notice} role="status" data-testid="replay-partial">
          {t('testcall.replay.partial', {
            used: session.replay.used,
            given: session.replay.given,
          })}
        </p>
      )}
      {session !== null && !refused && (
        <CallStage
          session={session}
          visible={props.visible}
          muted={props.muted}
          playback={props.playback}
          endActions={
            <>
              <button
                type="button"
                className={`${buttonStyles.button} ${styles.callButton}`}
                disabled={!canCall}
                data-testid="call-again"
                onClick={() => dispatch({ type: 'call.start' })}
              >
                <PhoneIcon size={16} />
                {t('testcall.call-again')}
              </button>
              <button
                type="button"
                className={`${buttonStyles.button} ${buttonStyles.secondary}`}
                title={t('testcall.replay.title')}
                disabled={stale}
                data-testid="replay-call"
                onClick={() => dispatch({ type: 'call.replay' })}
              >
                <ReplayIcon size={16} />
                {t('testcall.replay')}
              </button>
              <span className={styles.spacer} />
              <button
                type="button"
                className={`${buttonStyles.button} ${buttonStyles.ghost}`}
                title={t('testcall.clear.title')}
                data-testid="clear-call"
                onClick={() => dispatch({ type: 'call.reset' })}
              >
                <ClearIcon size={16} />
                {t('testcall.clear')}
              </button>
            </>
          }
        />
      )}
      {session !== null && !refused && <Transcript session={session} playback={props.playback} />}
    </div>
  )
}
