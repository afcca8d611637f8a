import { useId, useMemo } from 'react'
import type { CallPath } from '../../simulate/coverage.ts'
import { outcomeLabel } from '../../simulate/describe.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { outcomeTone } from './call-view.ts'
import { ReplayIcon } from './icons.tsx'
import {
  groupPaths,
  pathId,
  pathsOf,
  replayableOf,
  sectionsWalked,
  unwalkedSteps,
} from './paths.ts'
import styles from './PathsView.module.css'
import { Refusal } from './Refusal.tsx'

/** How many commands no path walks the list names; the canvas marks them all. */
const SHOWN_UNWALKED = 12

/**
 * "Which paths exist": every distinct path from each state the agents can be in to how the call
 * ends, with its key presses, each replayed with one click (`onReplay` then shows the call), and
 * a switch that marks on the canvas the commands no listed path and no call walks.
 */
export function PathsView({ onReplay }: { onReplay: () => void }) {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const switchId = useId()
  const view = useAppState((s) => s.document.view)
  const revision = useAppState((s) => s.document.revision)
  const coverage = useAppState((s) => s.call.coverage)
  const walks = useAppState((s) => s.call.walks)
  const session = useAppState((s) => s.call.session)
  const runnable = !view.stale && !view.diagnostics.some((d) => d.severity === 'error')

  const list = useMemo(
    () => (runnable ? pathsOf(view.parsed, view.diagnostics) : null),
    [runnable, view],
  )
  const groups = useMemo(() => groupPaths(list?.paths ?? []), [list])
  const current = session !== null && session.revision === revision ? session.call.visited : null
  const unwalked = runnable
    ? unwalkedSteps(view.parsed, view.diagnostics, walks, revision, current)
    : []

  if (!runnable || list === null) {
    return (
      <div className={styles.view}>
        <p className={styles.intro}>{t('testcall.paths.intro')}</p>
        <Refusal />
      </div>
    )
  }

  const replay = (path: CallPath) => {
    dispatch({ type: 'call.replay-path', path: replayableOf(path) })
    onReplay()
  }

  return (
    <div className={styles.view} data-testid="paths">
      <div className={styles.summary}>
        <p className={styles.count}>
          {t(list.paths.length === 1 ? 'testcall.paths.count.one' : 'testcall.paths.count', {
            count: list.paths.length,
          })}
        </p>
        <p className={styles.intro}>{t('testcall.paths.intro')}</p>
        {!list.complete && <p className={styles.note}>{t('testcall.paths.incomplete')}</p>}
      </div>
      <div className={styles.coverage}>
        <label className={styles.switchLine} htmlFor={switchId}>
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            className={styles.switch}
            checked={coverage}
            data-testid="coverage"
            onChange={(event) => dispatch({ type: 'call.coverage', on: event.target.checked })}
          />
          <span className={styles.switchText}>{t('testcall.coverage')}</span>
          <span className={styles.badge} data-empty={unwalked.length === 0 || undefined}>
            {unwalked.length}
          </span>
        </label>
        <p className={styles.coverageHint}>
          {unwalked.length === 0
            ? t('testcall.coverage.none')
            : t(unwalked.length === 1 ? 'testcall.coverage.some.one' : 'testcall.coverage.some', {
                count: unwalked.length,
              })}
        </p>
        {coverage && unwalked.length > 0 && (
          <ul className={styles.unwalked} data-testid="unwalked">
            {unwalked.slice(0, SHOWN_UNWALKED).map((step) => (
              <li key={JSON.stringify(step.path)}>
                <button
                  type="button"
                  className={styles.unwalkedStep}
                  onClick={() =>
                    dispatch({ type: 'selection.set', path: step.path, origin: 'search' })
                  }
                >
                  <code>{step.kind === 'option' ? `${step.key}` : step.kind}</code>
                  <span>{t('testcall.place', { section: step.section, line: step.line })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {groups.map((group) => (
        <section key={group.agents} className={styles.group}>
          <h3 className={styles.groupTitle}>
            {t(`testcall.paths.group.${group.agents}`)}
            <span className={styles.groupCount}>{group.paths.length}</span>
          </h3>
          <ul className={styles.paths}>
            {group.paths.map((path) => {
              const id = pathId(path)
              const tone = outcomeTone(path.outcome.kind)
              const departments = Object.entries(path.departments)
              return (
                <li key={id}>
                  <button
                    type="button"
                    className={styles.path}
                    data-path={id}
                    data-outcome={path.outcome.kind}
                    title={t('testcall.paths.replay')}
                    onClick={() => replay(path)}
                  >
                    <span className={styles.pathMain}>
                      <span className={styles.outcome} data-tone={tone}>
                        {outcomeLabel(path.outcome.kind, locale)}
                      </span>
                      <span className={styles.keys}>
                        {path.keys.length === 0 ? (
                          <span className={styles.noKeys}>{t('testcall.paths.no-keys')}</span>
                        ) : (
                          path.keys.map((key, index) => (
                            <kbd key={index} className={styles.key}>
                              {key}
                            </kbd>
                          ))
                        )}
                        {path.replies.length > 0 && (
                          <span className={styles.noKeys}>
                            {t('testcall.paths.failed-replies', { count: path.replies.length })}
                          </span>
                        )}
                      </span>
                    </span>
                    <span className={styles.pathWalk}>
                      {sectionsWalked(path).join(' → ')}
                      {departments.length > 0 && (
                        <span className={styles.departments}>
                          {departments
                            .map(([department, state]) =>
                              t('testcall.paths.department', {
                                department,
                                state: t(`testcall.department.${state}`),
                              }),
                            )
                            .join(t('list.separator'))}
                        </span>
                      )}
                    </span>
                    <span className={styles.replay} aria-hidden="true">
                      <ReplayIcon size={16} />
                    </span>
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
