import { useEffect } from 'react'
import { redoLabel, undoLabel } from '../../history/history.ts'
import buttonStyles from '../components/Button.module.css'
import { RedoIcon, UndoIcon } from '../components/icons.tsx'
import { redoIn, undoIn } from '../state/history-recorder.ts'
import { useAppState, useAppStore } from '../state/store-context.tsx'
import { translate } from '../../i18n/translate.ts'
import { useLocale } from '../state/use-locale.ts'
import {
  formatShortcut,
  isModalOpen,
  isTyping,
  matchesShortcut,
  onApplePlatform,
  SHORTCUTS,
} from './shortcuts.ts'

/**
 * Undo and redo for the whole app, as toolbar buttons whose tooltips name the entry ("Undo
 * Rename section"), and as shortcuts (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl/⌘+Y) that hold wherever
 * the focus is, except in a field, where the browser's own undo applies, and in the YAML editor,
 * which sends its own undo to the same history.
 */
export function HistoryButtons({ className }: { className?: string }) {
  const store = useAppStore()
  const { t, locale } = useLocale()
  const apple = onApplePlatform()
  const undoing = useAppState((s) => undoLabel(s.history))
  const redoing = useAppState((s) => redoLabel(s.history))

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return
      const isUndo = matchesShortcut(event, SHORTCUTS.undo, apple)
      const isRedo =
        matchesShortcut(event, SHORTCUTS.redo, apple) ||
        matchesShortcut(event, SHORTCUTS.redoAlt, apple)
      if ((!isUndo && !isRedo) || isTyping(event.target)) return
      event.preventDefault()
      if (isUndo) undoIn(store)
      else redoIn(store)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store, apple])

  const undoTitle =
    undoing === null
      ? t('toolbar.undo.none')
      : t('toolbar.undo.title', {
          action: translate(locale, undoing),
          shortcut: formatShortcut(SHORTCUTS.undo, apple),
        })
  const redoTitle =
    redoing === null
      ? t('toolbar.redo.none')
      : t('toolbar.redo.title', {
          action: translate(locale, redoing),
          shortcut: formatShortcut(SHORTCUTS.redo, apple),
        })
  const button = `${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.icon}`
  return (
    <div className={className} role="group" aria-label={t('toolbar.history')}>
      <button
        type="button"
        className={button}
        title={undoTitle}
        aria-label={undoing === null ? t('toolbar.undo') : undoTitle}
        disabled={undoing === null}
        data-testid="undo"
        onClick={() => undoIn(store)}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className={button}
        title={redoTitle}
        aria-label={redoing === null ? t('toolbar.redo') : redoTitle}
        disabled={redoing === null}
        data-testid="redo"
        onClick={() => redoIn(store)}
      >
        <RedoIcon />
      </button>
    </div>
  )
}
