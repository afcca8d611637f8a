import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import buttonStyles from './Button.module.css'
import styles from './Dialog.module.css'
import { ErrorIcon, WarningIcon } from './icons.tsx'

/** One answer to a question. */
export interface Choice<T extends string> {
  readonly value: T
  readonly label: string
  readonly tone: 'primary' | 'danger' | 'secondary'
}

/** A question to put to the person in a modal dialog. */
export interface Question<T extends string> {
  readonly title: string
  readonly body?: ReactNode
  /** The answers, shown left to right; the last is the main one. */
  readonly choices: readonly Choice<T>[]
  /** The answer of Escape. */
  readonly cancel: T
  /** The answer that has focus when the dialog opens; the cancel answer by default. */
  readonly initial?: T
  readonly tone?: 'warning' | 'danger'
}

/** Asks a question and resolves with the answer. */
export type Ask = <T extends string>(question: Question<T>) => Promise<T>

const AskContext = createContext<Ask | null>(null)

interface Pending {
  readonly id: number
  readonly question: Question<string>
  readonly resolve: (answer: string) => void
}

/**
 * Makes `useAsk` work inside: questions are shown one at a time in a native modal `<dialog>`,
 * which keeps focus inside, closes on Escape and gives focus back to where it was.
 */
export function DialogProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<readonly Pending[]>([])
  const nextId = useRef(1)
  const ask = useCallback<Ask>(
    <T extends string>(question: Question<T>) =>
      new Promise<T>((resolve) => {
        const pending: Pending = {
          id: nextId.current++,
          question,
          resolve: (answer) => resolve(answer as T),
        }
        setQueue((before) => [...before, pending])
      }),
    [],
  )
  const current = queue[0]
  return (
    <AskContext.Provider value={ask}>
      {children}
      {current && (
        <QuestionDialog
          key={current.id}
          question={current.question}
          onAnswer={(answer) => {
            setQueue((before) => before.slice(1))
            current.resolve(answer)
          }}
        />
      )}
    </AskContext.Provider>
  )
}

/** The function that asks a question in a dialog; needs a `DialogProvider` above. */
export function useAsk(): Ask {
  const ask = useContext(AskContext)
  if (ask === null) throw new Error('useAsk needs a DialogProvider above it.')
  return ask
}

function QuestionDialog({
  question,
  onAnswer,
}: {
  question: Question<string>
  onAnswer: (answer: string) => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const answered = useRef(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    const initial = question.initial ?? question.cancel
    dialog.querySelector<HTMLButtonElement>(`button[data-answer="${initial}"]`)?.focus()
  }, [question])

  const answer = (value: string) => {
    if (answered.current) return
    answered.current = true
    // Closing before unmounting gives focus back to the element focused before the dialog.
    ref.current?.close()
    onAnswer(value)
  }

  const Icon = question.tone === 'danger' ? ErrorIcon : WarningIcon
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={question.body ? bodyId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        answer(question.cancel)
      }}
    >
      <div className={`${styles.body} ${question.tone ? '' : styles.plain}`}>
        {question.tone && (
          <div className={`${styles.badge} ${styles[question.tone]}`}>
            <Icon size={22} />
          </div>
        )}
        <h2 id={titleId} className={styles.title}>
          {question.title}
        </h2>
        {question.body && (
          <div id={bodyId} className={styles.content}>
            {question.body}
          </div>
        )}
      </div>
      <div className={styles.actions}>
        {question.choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            data-answer={choice.value}
            className={`${buttonStyles.button} ${buttonStyles[choice.tone]}`}
            onClick={() => answer(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  )
}
