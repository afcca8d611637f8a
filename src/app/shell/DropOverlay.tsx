import { useEffect, useState } from 'react'
import { UploadIcon } from '../components/icons.tsx'
import { useFileActions } from '../panels/use-file-actions.tsx'
import { audioDragKind } from '../recordings/audio-drag.ts'
import { useLocale } from '../state/use-locale.ts'
import styles from './DropOverlay.module.css'

function carriesFiles(event: DragEvent): boolean {
  // Audio files are recordings, which the recordings drop layer takes.
  const data = event.dataTransfer
  return (data?.types.includes('Files') ?? false) && audioDragKind(data) === null
}

/**
 * Opens a file dropped anywhere on the window, showing a full-window target while a file is
 * dragged over it. Listens in the capture phase so that no pane (the YAML editor inserts dropped
 * text) takes the file first; drags of anything but files are left alone.
 */
export function DropOverlay() {
  const { t } = useLocale()
  const actions = useFileActions()
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    let depth = 0
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.stopPropagation()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.stopPropagation()
      depth = 0
      setDragging(false)
      void actions.openFiles([...(event.dataTransfer?.files ?? [])])
    }
    const onEnd = () => {
      depth = 0
      setDragging(false)
    }
    window.addEventListener('dragenter', onEnter, true)
    window.addEventListener('dragover', onOver, true)
    window.addEventListener('dragleave', onLeave, true)
    window.addEventListener('drop', onDrop, true)
    window.addEventListener('dragend', onEnd, true)
    return () => {
      window.removeEventListener('dragenter', onEnter, true)
      window.removeEventListener('dragover', onOver, true)
      window.removeEventListener('dragleave', onLeave, true)
      window.removeEventListener('drop', onDrop, true)
      window.removeEventListener('dragend', onEnd, true)
    }
  }, [actions])

  if (!dragging) return null
  return (
    <div className={styles.overlay} data-testid="drop-overlay">
      <div className={styles.target}>
        <span className={styles.icon}>
          <UploadIcon size={28} />
        </span>
        <p className={styles.title}>{t('open.drop')}</p>
        <p className={styles.hint}>{t('open.drop.hint')}</p>
      </div>
    </div>
  )
}
