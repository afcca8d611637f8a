import type { MessageId } from '../../i18n/en.ts'
import type { ApiFailure } from './api.ts'

/** The short title of a refusal, by the server's code, in the catalog. */
export function failureTitle(failure: ApiFailure): MessageId {
  switch (failure.code) {
    case 'not-audio':
      return 'recordings.error.not-audio'
    case 'unreadable-audio':
      return 'recordings.error.unreadable'
    case 'empty-file':
      return 'recordings.error.empty'
    case 'too-large':
      return 'recordings.error.too-large'
    case 'unauthorized':
      return 'recordings.error.unauthorized'
    case 'rate-limited':
      return 'recordings.error.rate-limited'
    case 'network':
      return 'recordings.error.network'
    case 'aborted':
      return 'recordings.error.aborted'
    default:
      return failure.status >= 500 ? 'recordings.error.server' : 'recordings.error.refused'
  }
}

/**
 * Whether sending the same file again may succeed: after a network, server or token problem, or
 * too many uploads at once; not when the server judged the file itself.
 */
export function isRetryable(failure: ApiFailure): boolean {
  return !['not-audio', 'unreadable-audio', 'empty-file', 'too-large'].includes(failure.code)
}
