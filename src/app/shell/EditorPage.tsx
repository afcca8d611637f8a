import { Canvas } from '../canvas/Canvas.tsx'
import { EditorPane } from '../editor/EditorPane.tsx'
import { ProblemsPanel } from '../panels/ProblemsPanel.tsx'
import { Toasts } from '../panels/Toasts.tsx'
import { Toolbar } from '../panels/Toolbar.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './EditorPage.module.css'

/**
 * The editor: the toolbar across the top, the canvas on the left, the YAML and the problems on
 * the right. Both views show the one document in the store.
 */
export function EditorPage() {
  const { t } = useLocale()
  return (
    <div className={styles.page}>
      <Toolbar />
      <div className={styles.workspace}>
        <section className={styles.canvas} aria-label={t('editor.region.canvas')}>
          <Canvas />
        </section>
        <div className={styles.side}>
          <section className={styles.yaml} aria-label={t('editor.region.yaml')}>
            <EditorPane />
          </section>
          <section className={styles.problems} aria-label={t('editor.region.problems')}>
            <ProblemsPanel />
          </section>
        </div>
      </div>
      <Toasts />
    </div>
  )
}
