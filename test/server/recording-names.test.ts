import { describe, expect, test } from 'vitest'
import {
  displayNameOf,
  isRecordingName,
  recordingNameOf,
  slugOf,
} from '../../src/server/recordings/names.ts'

describe('slugOf', () => {
  test.each([
    ['welcome.mp3', 'welcome'],
    ['Welcome Message (v2).WAV', 'welcome-message-v2'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\admin\\Desktop\\hold.wav', 'hold'],
    ['.hidden', 'hidden'],
    ['..', 'recording'],
    ['.env.mp3', 'env'],
    ['bad\u0000na\u0007me\u202e.mp3', 'badname'],
    ['ようこそ.mp3', 'recording'],
    ['営業時間外 closed.mp3', 'closed'],
    ['🎵🎵.wav', 'recording'],
    ['Crème Brûlée.mp3', 'creme-brulee'],
    ['a---b___c.mp3', 'a-b-c'],
    ['', 'recording'],
    [`${'x'.repeat(100)}.mp3`, 'x'.repeat(60)],
    [`${'ab-'.repeat(30)}.mp3`, 'ab-'.repeat(20).replace(/-$/, '')],
  ])('%j → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug)
  })
})

describe('displayNameOf', () => {
  test('keeps the name people recognise, without paths or invisible characters', () => {
    expect(displayNameOf('ようこそ.mp3', 'x')).toBe('ようこそ.mp3')
    expect(displayNameOf('../../etc/passwd', 'x')).toBe('passwd')
    expect(displayNameOf('evil\u202egnp.mp3', 'x')).toBe('evilgnp.mp3')
    expect(displayNameOf('tab\there\r\n.wav', 'x')).toBe('tabhere.wav')
    expect(displayNameOf('  \u0000 ', 'fallback')).toBe('fallback')
    expect(Array.from(displayNameOf('あ'.repeat(300), 'x'))).toHaveLength(200)
  })
})

describe('recording names', () => {
  const sha = 'abcdef0123456789'.repeat(4)

  test('slug, hash prefix and the extension of the detected format', () => {
    expect(recordingNameOf('Welcome.WAV', sha, 'mp3')).toBe('welcome-abcdef01.mp3')
    expect(recordingNameOf('Welcome.WAV', sha, 'mp3', 16)).toBe('welcome-abcdef0123456789.mp3')
  })

  test('only names the server makes are recording names', () => {
    expect(isRecordingName('welcome-abcdef01.mp3')).toBe(true)
    expect(isRecordingName(`recording-${sha}.wav`)).toBe(true)
    for (const name of [
      'welcome.mp3',
      'welcome-abcdef0.mp3',
      'welcome-ABCDEF01.mp3',
      'welcome-abcdef01.ogg',
      '.welcome-abcdef01.mp3',
      '../welcome-abcdef01.mp3',
      'a/welcome-abcdef01.mp3',
      'welcome-abcdef01.mp3.json',
      '-abcdef01.mp3',
      'we--lcome-abcdef01.mp3',
      'welcome-abcdef01.mp3\u0000',
      '',
    ]) {
      expect(isRecordingName(name), name).toBe(false)
    }
  })
})
