import type { MessageId } from '../../i18n/en.ts'
import basic from './basic.yaml?raw'
import callbackDirect from './callback-direct.yaml?raw'
import callbackFromQueue from './callback-from-queue.yaml?raw'
import departmentsTransfer from './departments-transfer.yaml?raw'
import dtmfInput from './dtmf-input.yaml?raw'
import dynamicFetch from './dynamic-fetch.yaml?raw'
import empty from './empty.yaml?raw'
import fetchReply from './fetch-reply.yaml?raw'

/** An IVR to start from. */
export interface Template {
  readonly id: string
  /** The file name a new IVR from it gets. */
  readonly fileName: string
  readonly title: MessageId
  readonly description: MessageId
  readonly text: string
}

/** Every template, the empty IVR first. */
export const TEMPLATES: readonly Template[] = [
  { id: 'empty', fileName: 'new-ivr.yaml', title: 'template.empty.title', description: 'template.empty.description', text: empty },
  { id: 'basic', fileName: 'basic.yaml', title: 'template.basic.title', description: 'template.basic.description', text: basic },
  { id: 'callback-direct', fileName: 'callback-direct.yaml', title: 'template.callback-direct.title', description: 'template.callback-direct.description', text: callbackDirect },
  { id: 'callback-from-queue', fileName: 'callback-from-queue.yaml', title: 'template.callback-from-queue.title', description: 'template.callback-from-queue.description', text: callbackFromQueue },
  { id: 'departments-transfer', fileName: 'departments-transfer.yaml', title: 'template.departments-transfer.title', description: 'template.departments-transfer.description', text: departmentsTransfer },
  { id: 'dynamic-fetch', fileName: 'dynamic-fetch.yaml', title: 'template.dynamic-fetch.title', description: 'template.dynamic-fetch.description', text: dynamicFetch },
  { id: 'dtmf-input', fileName: 'dtmf-input.yaml', title: 'template.dtmf-input.title', description: 'template.dtmf-input.description', text: dtmfInput },
  { id: 'fetch-reply', fileName: 'fetch-reply.yaml', title: 'template.fetch-reply.title', description: 'template.fetch-reply.description', text: fetchReply },
]

/** The template shown on a first visit. */
export const FIRST_TEMPLATE: Template = TEMPLATES.find((t) => t.id === 'callback-from-queue') ?? TEMPLATES[0]!
