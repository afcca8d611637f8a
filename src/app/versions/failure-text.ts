import type { LibraryFailure } from '../library/api.ts'
import type { MessageId } from '../../i18n/en.ts'
import type { MessageArgs } from '../../i18n/translate.ts'

/** Why a library request failed, as a sentence of the catalog for the person at the editor. */
export function failureReason(failure: LibraryFailure): { id: MessageId; args?: MessageArgs } {
  switch (failure.code) {
    case 'network':
      return { id: 'history.reason.network' }
    case 'conflict':
      return { id: 'history.reason.conflict' }
    case 'unauthorized':
      return { id: 'history.reason.unauthorized' }
    case 'not-found':
    case 'deleted':
      return { id: 'history.reason.not-found' }
    default:
      return {
        id: 'history.reason.other',
        args: { message: failure.message || `HTTP ${failure.status}` },
      }
  }
}
