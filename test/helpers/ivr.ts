import { dedent } from './dedent.ts'

/** The smallest valid IVR: the three sections every IVR needs, one command each. */
export const MINIMAL_IVR = dedent`
  online:
    - ring
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`
