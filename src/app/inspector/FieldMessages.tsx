import { translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic, Severity } from '../../validate/diagnostic.ts'
import { ErrorIcon, InfoIcon, WarningIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './Inspector.module.css'

const SEVERITY_ICONS: Readonly<Record<Severity, typeof ErrorIcon>> = {
  error: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
}

/** The icon of a problem's severity. */
export function SeverityIcon({ severity, size = 14 }: { severity: Severity; size?: number }) {
  const Icon = SEVERITY_ICONS[severity]
  return <Icon size={size} />
}

/** A refusal of an op, to show where the value was typed. */
export interface Refusal {
  readonly error: string
  readonly args?: Readonly<Record<string, string>>
}

/** A diagnostic's message in `locale`. */
export function diagnosticText(d: Diagnostic, locale: Locale): string {
  return translate(locale, d.messageId, d.args)
}

/**
 * What a field says under it: why the value cannot be taken, the problems of the field (as the
 * value stands or as it would be), and problems the value would newly cause elsewhere.
 */
export function FieldMessages(props: {
  id: string
  refusal: Refusal | null
  diagnostics: readonly Diagnostic[]
  elsewhere?: readonly Diagnostic[]
  /** The diagnostics are of a value not yet applied. */
  pending?: boolean
}) {
  const { t, locale } = useLocale()
  const { refusal, diagnostics, elsewhere = [] } = props
  if (!refusal && diagnostics.length === 0 && elsewhere.length === 0) {
    return <div id={props.id} className={styles.messages} aria-live="polite" />
  }
  return (
    <div
      id={props.id}
      className={styles.messages}
      aria-live="polite"
      data-testid="field-messages"
      data-pending={props.pending || undefined}
    >
      {refusal && (
        <p className={styles.message} data-severity="error" data-testid="field-refusal">
          <ErrorIcon size={14} />
          <span>{translate(locale, refusal.error, refusal.args ?? {})}</span>
        </p>
      )}
      {diagnostics.map((d, i) => (
        <Message key={`${d.code}:${i}`} diagnostic={d} locale={locale} />
      ))}
      {elsewhere.length > 0 && (
        <>
          <p className={styles.elsewhere}>{t('inspector.elsewhere')}</p>
          {elsewhere.slice(0, 3).map((d, i) => (
            <Message key={`${d.code}:${i}`} diagnostic={d} locale={locale} />
          ))}
        </>
      )}
    </div>
  )
}

function Message({ diagnostic, locale }: { diagnostic: Diagnostic; locale: Locale }) {
  const Icon = SEVERITY_ICONS[diagnostic.severity]
  return (
    <p
      className={styles.message}
      data-severity={diagnostic.severity}
      data-code={diagnostic.code}
      data-testid="field-diagnostic"
    >
      <Icon size={14} />
      <span>{diagnosticText(diagnostic, locale)}</span>
    </p>
  )
}
