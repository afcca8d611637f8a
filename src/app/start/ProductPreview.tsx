import { CheckIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './ProductPreview.module.css'
import { highlightYamlLine, sampleIvr } from './sample-ivr.ts'

type Row =
  | { kind: 'command'; keyword: string; argument?: string }
  | { kind: 'option'; key: string; label: string }

interface Card {
  name: string
  x: number
  y: number
  width: number
  entry?: boolean
  selected?: boolean
  rows: readonly Row[]
}

const HEADER = 36
const ROW = 30
const PADDING = 6
const CARD_WIDTH = 196
const WIDE_CARD_WIDTH = 228

function cardHeight(card: Card): number {
  return HEADER + card.rows.length * ROW + PADDING
}

/** The centre of the right edge of `row` in `card`, where its edge leaves. */
function portOf(card: Card, row: number): { x: number; y: number } {
  return { x: card.x + card.width, y: card.y + HEADER + row * ROW + ROW / 2 }
}

/** The centre of the left edge of the header of `card`, where edges arrive. */
function inletOf(card: Card): { x: number; y: number } {
  return { x: card.x, y: card.y + HEADER / 2 }
}

function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const bend = (to.x - from.x) / 2
  return `M${from.x},${from.y} C${from.x + bend},${from.y} ${to.x - bend},${to.y} ${to.x},${to.y}`
}

/** About how wide `text` is at 11 px: full-width (Japanese) characters take about twice the room. */
function badgeTextWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 11 : 6.5
  return Math.ceil(width)
}

function SectionCard({ card, entryLabel }: { card: Card; entryLabel: string }) {
  const height = cardHeight(card)
  const badgeWidth = badgeTextWidth(entryLabel) + 16
  return (
    <g transform={`translate(${card.x} ${card.y})`}>
      <rect
        className={card.selected === true ? styles.cardSelected : styles.card}
        width={card.width}
        height={height}
        rx="10"
      />
      <text className={styles.cardName} x="14" y={HEADER / 2 + 5}>
        {card.name}
      </text>
      {card.entry === true && (
        <g transform={`translate(${card.width - 12 - badgeWidth} ${HEADER / 2 - 10})`}>
          <rect className={styles.badge} width={badgeWidth} height="20" rx="10" />
          <text className={styles.badgeText} x={badgeWidth / 2} y="14" textAnchor="middle">
            {entryLabel}
          </text>
        </g>
      )}
      <line className={styles.divider} x1="0" x2={card.width} y1={HEADER} y2={HEADER} />
      {card.rows.map((row, index) => {
        const y = HEADER + index * ROW + ROW / 2 + 4
        if (row.kind === 'command') {
          return (
            <text key={index} className={styles.row} x="14" y={y}>
              <tspan className={styles.keyword}>{row.keyword}</tspan>
              {row.argument !== undefined && (
                <tspan className={styles.argument}> {row.argument}</tspan>
              )}
            </text>
          )
        }
        return (
          <g key={index}>
            <rect className={styles.keyChip} x="26" y={y - 15} width="20" height="20" rx="5" />
            <text className={styles.keyText} x="36" y={y} textAnchor="middle">
              {row.key}
            </text>
            <text className={styles.row} x="56" y={y}>
              {row.label}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/**
 * A still picture of the coming editor: the sample IVR as YAML beside the same IVR as a graph.
 * Decorative for assistive technology, which reads its one-line description instead.
 */
export function ProductPreview() {
  const { t } = useLocale()
  const names = { sales: t('app.preview.sales'), support: t('app.preview.support') }
  const lines = sampleIvr(names).split('\n')
  const entryLabel = t('app.preview.entry')

  const online: Card = {
    name: 'online',
    x: 24,
    y: 28,
    width: WIDE_CARD_WIDTH,
    entry: true,
    rows: [
      { kind: 'command', keyword: 'play', argument: 'welcome.mp3' },
      { kind: 'command', keyword: 'choice' },
      { kind: 'option', key: '1', label: names.sales },
      { kind: 'option', key: '2', label: names.support },
    ],
  }
  const sales: Card = {
    name: 'sales',
    x: 332,
    y: 20,
    width: CARD_WIDTH,
    selected: true,
    rows: [{ kind: 'command', keyword: 'ring' }],
  }
  const support: Card = {
    name: 'support',
    x: 332,
    y: 151,
    width: CARD_WIDTH,
    rows: [{ kind: 'command', keyword: 'voicemail' }],
  }
  const offline: Card = {
    name: 'offline',
    x: 24,
    y: 244,
    width: WIDE_CARD_WIDTH,
    entry: true,
    rows: [{ kind: 'command', keyword: 'voicemail' }],
  }
  const queue: Card = {
    name: 'queue',
    x: 24,
    y: 342,
    width: WIDE_CARD_WIDTH,
    entry: true,
    rows: [{ kind: 'command', keyword: 'play', argument: 'hold.mp3' }],
  }
  const cards = [online, sales, support, offline, queue]
  const edges = [
    { from: portOf(online, 2), to: inletOf(sales) },
    { from: portOf(online, 3), to: inletOf(support) },
  ]

  return (
    <figure className={styles.window} role="img" aria-label={t('app.preview.label')}>
      <div className={styles.titleBar} aria-hidden="true">
        <span className={styles.dots}>
          <span />
          <span />
          <span />
        </span>
        <span className={styles.fileName}>{t('app.preview.file')}</span>
        <span className={styles.status}>
          <CheckIcon size={14} />
          {t('app.preview.valid')}
        </span>
      </div>
      <div className={styles.panes} aria-hidden="true">
        <pre className={styles.code}>
          {lines.map((line, index) => (
            <span
              key={index}
              className={index === 11 || index === 12 ? styles.lineSelected : styles.line}
            >
              <span className={styles.lineNumber}>{index + 1}</span>
              {highlightYamlLine(line).map((token, at) => (
                <span key={at} className={styles[token.kind]}>
                  {token.text}
                </span>
              ))}
              {'\n'}
            </span>
          ))}
        </pre>
        <div className={styles.canvas}>
          <svg className={styles.graph} viewBox="0 0 552 432" focusable="false">
            {edges.map((edge, index) => (
              <path key={index} className={styles.edge} d={edgePath(edge.from, edge.to)} />
            ))}
            {cards.map((card) => (
              <SectionCard key={card.name} card={card} entryLabel={entryLabel} />
            ))}
            {edges.map((edge, index) => (
              <g key={index}>
                <circle className={styles.port} cx={edge.from.x} cy={edge.from.y} r="4.5" />
                <circle className={styles.port} cx={edge.to.x} cy={edge.to.y} r="4.5" />
              </g>
            ))}
          </svg>
        </div>
      </div>
    </figure>
  )
}
