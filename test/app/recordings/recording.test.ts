import { describe, expect, it } from 'vitest'
import { failureOf, recordingsOf } from '../../../src/app/recordings/api.ts'
import {
  audioDragKind,
  readRecordingDrag,
  RECORDING_DRAG_TYPE,
  rowPathOf,
} from '../../../src/app/recordings/audio-drag.ts'
import { failureTitle, isRetryable } from '../../../src/app/recordings/failures.ts'
import { percentText, sizeText } from '../../../src/app/recordings/format.ts'
import {
  baseUrlOf,
  formatDuration,
  formatLabel,
  formatSize,
  knownRecordingsOf,
  looksLikeAudio,
  previewPathOf,
  searchRecordings,
  type Recording,
} from '../../../src/app/recordings/recording.ts'
import { cleanToken, loadToken, saveToken, TOKEN_KEY } from '../../../src/app/recordings/token.ts'
import { en } from '../../../src/i18n/en.ts'

function recording(id: string, name: string, base = 'https://ivr.example.com'): Recording {
  return {
    id,
    name,
    url: `${base}/recordings/${id}`,
    size: 8044,
    durationSeconds: 0.5,
    contentType: 'audio/wav',
    createdAt: '2025-01-01T00:00:00.000Z',
  }
}

const LIST = [
  recording('welcome-3fa2c1d0.mp3', 'Welcome message.mp3'),
  recording('press-1-0badf00d.wav', 'Press 1 for Sales.wav'),
  recording('recording-deadbeef.wav', 'ようこそ.wav'),
]

describe('recordings as the editor sees them', () => {
  it('take the base of play URLs from the server, else from a URL, else the page', () => {
    expect(baseUrlOf('https://ivr.example.com/designer/', LIST, 'http://x.test')).toBe(
      'https://ivr.example.com/designer',
    )
    expect(baseUrlOf(undefined, LIST, 'http://x.test')).toBe('https://ivr.example.com')
    expect(baseUrlOf(undefined, [], 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080')
  })

  it('give the validator their stored names', () => {
    const known = knownRecordingsOf(LIST, 'https://ivr.example.com')
    expect(known.baseUrl).toBe('https://ivr.example.com')
    expect([...known.files]).toEqual(LIST.map((r) => r.id))
  })

  it('play from this server whatever PUBLIC_URL says', () => {
    expect(previewPathOf(recording('a-0123abcd.wav', 'a.wav', 'https://cdn.test'))).toBe(
      '/recordings/a-0123abcd.wav',
    )
  })

  it('are found by every word of a search, in name or stored name, ignoring case and width', () => {
    expect(searchRecordings(LIST, '').map((r) => r.id)).toEqual(LIST.map((r) => r.id))
    expect(searchRecordings(LIST, 'SALES press').map((r) => r.name)).toEqual([
      'Press 1 for Sales.wav',
    ])
    expect(searchRecordings(LIST, 'ｗｅｌｃｏｍｅ').map((r) => r.name)).toEqual([
      'Welcome message.mp3',
    ])
    expect(searchRecordings(LIST, 'ようこそ').map((r) => r.id)).toEqual(['recording-deadbeef.wav'])
    expect(searchRecordings(LIST, 'deadbeef').map((r) => r.name)).toEqual(['ようこそ.wav'])
    expect(searchRecordings(LIST, 'hold')).toEqual([])
  })

  it.each([
    [0.5, { value: '0.5', unit: 'seconds' }],
    [0, { value: '0.0', unit: 'seconds' }],
    [Number.NaN, { value: '0.0', unit: 'seconds' }],
    [9.96, { value: '10', unit: 'seconds' }],
    [42.4, { value: '42', unit: 'seconds' }],
    [65, { value: '1:05', unit: 'clock' }],
    [3725, { value: '1:02:05', unit: 'clock' }],
  ])('a playing time of %s s reads %j', (seconds, expected) => {
    expect(formatDuration(seconds)).toEqual(expected)
  })

  it.each([
    [812, { value: 812, unit: 'B' }],
    [8044, { value: 7.9, unit: 'KB' }],
    [20 * 1024 * 1024, { value: 20, unit: 'MB' }],
    [1.5 * 1024 ** 3, { value: 1.5, unit: 'GB' }],
  ])('a size of %s bytes reads %j', (bytes, expected) => {
    expect(formatSize(bytes)).toEqual(expected)
  })

  it('show sizes and shares the way each language writes them', () => {
    expect(sizeText(8044, 'en')).toBe('7.9 kB')
    expect(sizeText(812, 'ja')).toBe('812 byte')
    expect(percentText(0.42, 'en')).toBe('42%')
    expect(percentText(1.7, 'ja')).toBe('100%')
  })

  it('name their format as admins know it', () => {
    expect(formatLabel('audio/mpeg')).toBe('MP3')
    expect(formatLabel('audio/wav')).toBe('WAV')
    expect(formatLabel('audio/x-wav; codec=1')).toBe('WAV')
  })

  it('are told from other files by type, or by name when there is no type', () => {
    expect(looksLikeAudio({ name: 'a.bin', type: 'audio/mpeg' })).toBe(true)
    expect(looksLikeAudio({ name: 'Hello.WAV', type: '' })).toBe(true)
    expect(looksLikeAudio({ name: 'menu.yaml', type: '' })).toBe(false)
    expect(looksLikeAudio({ name: 'x.mp3', type: 'text/plain' })).toBe(false)
    expect(looksLikeAudio({ type: '' })).toBe(false)
  })
})

describe('drags', () => {
  const files = (...types: string[]) => ({
    types: ['Files'],
    items: types.map((type) => ({ kind: 'file', type })),
  })

  it('of audio files only are recordings; other files are IVRs to open', () => {
    expect(audioDragKind(files('audio/wav', 'audio/mpeg'))).toBe('files')
    expect(audioDragKind(files('audio/wav', 'application/x-yaml'))).toBeNull()
    expect(audioDragKind(files(''))).toBeNull()
    expect(audioDragKind({ types: ['Files'], items: [] })).toBeNull()
    expect(audioDragKind({ types: ['text/plain'] })).toBeNull()
    expect(audioDragKind(null)).toBeNull()
  })

  it('of a recording out of the panel carry its URL and name', () => {
    expect(audioDragKind({ types: [RECORDING_DRAG_TYPE, 'text/plain'] })).toBe('recording')
    expect(readRecordingDrag('{"url":"https://a.test/r/x.wav","name":"x.wav"}')).toEqual({
      url: 'https://a.test/r/x.wav',
      name: 'x.wav',
    })
    expect(readRecordingDrag('{"url":1}')).toBeNull()
    expect(readRecordingDrag('not json')).toBeNull()
  })

  it('over a card row know its path from the row id', () => {
    expect(rowPathOf('["online",1,"choice","2"]')).toEqual(['online', 1, 'choice', '2'])
    expect(rowPathOf('[]')).toBeNull()
    expect(rowPathOf('[{"a":1}]')).toBeNull()
    expect(rowPathOf(undefined)).toBeNull()
    expect(rowPathOf('{')).toBeNull()
  })
})

describe('answers of the recordings API', () => {
  it('read the server reason of a refusal, or make a code of the status', () => {
    expect(failureOf(415, { error: { code: 'not-audio', message: 'Not audio.' } })).toEqual({
      status: 415,
      code: 'not-audio',
      message: 'Not audio.',
    })
    expect(failureOf(502, '<html>')).toEqual({ status: 502, code: 'http-502', message: '' })
    expect(failureOf(0, undefined)).toEqual({ status: 0, code: 'network', message: '' })
  })

  it('read a list only when every entry is a recording', () => {
    expect(recordingsOf({ recordings: LIST })).toEqual(LIST)
    expect(recordingsOf({ recordings: [{ id: 'x' }] })).toBeNull()
    expect(recordingsOf({})).toBeNull()
  })

  it('title each refusal in the catalog, and retry only what may succeed again', () => {
    const title = (code: string, status = 400) => failureTitle({ status, code, message: '' })
    expect(en[title('not-audio', 415)]).toBe('Not MP3 or WAV')
    expect(title('unauthorized', 401)).toBe('recordings.error.unauthorized')
    expect(title('server-error', 500)).toBe('recordings.error.server')
    expect(title('malformed-upload')).toBe('recordings.error.refused')
    expect(isRetryable({ status: 415, code: 'not-audio', message: '' })).toBe(false)
    expect(isRetryable({ status: 413, code: 'too-large', message: '' })).toBe(false)
    expect(isRetryable({ status: 0, code: 'network', message: '' })).toBe(true)
    expect(isRetryable({ status: 429, code: 'rate-limited', message: '' })).toBe(true)
  })
})

describe('the access token', () => {
  function memoryStorage() {
    const values = new Map<string, string>()
    return {
      values,
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    }
  }

  it('is kept for the tab and forgotten on request', () => {
    const storage = memoryStorage()
    expect(loadToken(storage)).toBeNull()
    saveToken(storage, 'abc')
    expect(storage.values.get(TOKEN_KEY)).toBe('abc')
    expect(loadToken(storage)).toBe('abc')
    saveToken(storage, null)
    expect(loadToken(storage)).toBeNull()
    expect(loadToken(null)).toBeNull()
  })

  it('survives storage that refuses to work', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    }
    expect(loadToken(broken)).toBeNull()
    expect(() => saveToken(broken, 'x')).not.toThrow()
  })

  it('is read as typed or pasted, without a Bearer prefix or white space', () => {
    expect(cleanToken('  s3cret \n')).toBe('s3cret')
    expect(cleanToken('Bearer abc123')).toBe('abc123')
    expect(cleanToken('abc\n123')).toBe('abc123')
    expect(cleanToken('   ')).toBeNull()
  })
})
