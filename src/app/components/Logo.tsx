/**
 * The product mark: a menu that branches, on the accent colour. Decorative; the product name
 * beside it carries the meaning.
 */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--color-accent)" />
      <path
        d="M16 10.5v4.5m0 0c0 2-1.5 3-3.5 3H11a1.5 1.5 0 0 0-1.5 1.5v1.5M16 15c0 2 1.5 3 3.5 3H21a1.5 1.5 0 0 1 1.5 1.5v1.5"
        fill="none"
        stroke="var(--color-on-accent)"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="16" cy="8.5" r="2.75" fill="var(--color-on-accent)" />
      <circle cx="9.5" cy="23" r="2.75" fill="var(--color-on-accent)" />
      <circle cx="22.5" cy="23" r="2.75" fill="var(--color-on-accent)" />
    </svg>
  )
}
