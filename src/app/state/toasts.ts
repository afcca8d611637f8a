import type { MessageId } from '../../i18n/en.ts'
import type { MessageArgs } from '../../i18n/translate.ts'

/** A short message that appears for a moment: an op refused, a file exported. */
export interface Toast {
  readonly id: number
  readonly tone: 'info' | 'success' | 'error'
  readonly messageId: MessageId
  readonly args: MessageArgs
}

export type ToastAction =
  | {
      readonly type: 'toast.show'
      readonly tone: Toast['tone']
      readonly messageId: MessageId
      readonly args?: MessageArgs
    }
  | { readonly type: 'toast.dismiss'; readonly id: number }

/** The toasts after an action; at most three stay, the newest last. */
export function reduceToasts(state: readonly Toast[], action: ToastAction): readonly Toast[] {
  switch (action.type) {
    case 'toast.show': {
      const id = (state[state.length - 1]?.id ?? 0) + 1
      return [...state, { id, tone: action.tone, messageId: action.messageId, args: action.args ?? {} }].slice(-3)
    }
    case 'toast.dismiss':
      return state.some((t) => t.id === action.id) ? state.filter((t) => t.id !== action.id) : state
  }
}
