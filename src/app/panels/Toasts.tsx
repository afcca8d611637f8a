/** Short messages that come and go. (Filled in by the panels work.) */
export function Toasts() {
  return null
}
