import { useMemo } from 'react'
import { SegmentedControl } from '../components/SegmentedControl.tsx'
import type { AgentState, DepartmentState } from '../../simulate/call.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { departmentState } from './call-driver.ts'
import { AGENT_HINTS } from './call-view.ts'
import { departmentsSelector } from './departments.ts'
import { HourglassIcon } from './icons.tsx'
import styles from './PhoneSystem.module.css'

/**
 * What the phone system sees: whether the number's agents are available, all busy or none logged
 * in, and the state of each department the IVR transfers to. Before a call it sets how the call
 * comes in; during one, changing the agents the call is with reaches the call at once (an agent
 * frees up while the caller waits), and other changes count when the call gets there.
 */
export function PhoneSystem({ live }: { live: boolean }) {
  const { t } = useLocale()
  const dispatch = useDispatch()
  const setup = useAppState((s) => s.call.setup)
  const selectDepartments = useMemo(departmentsSelector, [])
  const departments = useAppState((s) => selectDepartments(s.document.view.good.graph))
  const callWith = useAppState((s) =>
    live && s.call.session ? s.call.session.call.department : undefined,
  )
  const queued = useAppState((s) => live && s.call.session !== null && s.call.session.call.queued)

  const agentSegments = useMemo(
    () =>
      (['available', 'busy', 'offline'] as const).map((value) => ({
        value,
        label: t(`testcall.agents.${value}`),
      })),
    [t],
  )
  const departmentSegments = useMemo(
    () =>
      (['online', 'busy', 'offline'] as const).map((value) => ({
        value,
        label: t(`testcall.department.${value}`),
      })),
    [t],
  )

  return (
    <section
      className={styles.system}
      aria-labelledby="phone-system-title"
      data-testid="phone-system"
    >
      <div className={styles.titleLine}>
        <h3 id="phone-system-title" className={styles.title}>
          {t('testcall.system')}
        </h3>
        <span className={styles.titleHint}>
          {t(live ? 'testcall.system.live' : 'testcall.system.before')}
        </span>
      </div>
      <div
        className={styles.row}
        data-testid="agents"
        data-call-with={callWith === null || undefined}
      >
        <span className={styles.label}>
          {t('testcall.agents')}
          {callWith === null && <span className={styles.now}>{t('testcall.system.now')}</span>}
        </span>
        <SegmentedControl<AgentState>
          legend={t('testcall.agents')}
          value={setup.agents}
          segments={agentSegments}
          onChange={(state) => dispatch({ type: 'call.agents', state })}
        />
      </div>
      {queued ? (
        <p className={`${styles.hint} ${styles.queued}`} data-testid="queue-note">
          <HourglassIcon size={14} />
          {t(callWith === null ? 'testcall.queue.note' : 'testcall.queue.note.department')}
        </p>
      ) : (
        <p className={styles.hint}>{t(AGENT_HINTS[setup.agents])}</p>
      )}
      {departments.length > 0 && (
        <div className={styles.departments} data-testid="departments">
          <h4 className={styles.subtitle}>{t('testcall.departments')}</h4>
          {departments.map((id) => (
            <div
              key={id}
              className={styles.row}
              data-department={id}
              data-call-with={callWith === id || undefined}
            >
              <span className={styles.label}>
                <code className={styles.department} title={id}>
                  {id}
                </code>
                {callWith === id && <span className={styles.now}>{t('testcall.system.now')}</span>}
              </span>
              <SegmentedControl<DepartmentState>
                legend={t('testcall.department.legend', { department: id })}
                value={departmentState(setup, id)}
                segments={departmentSegments}
                onChange={(state) => dispatch({ type: 'call.department', department: id, state })}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
