/**
 * Real audio made in code, so tests need no binary fixtures: PCM WAV files and MPEG-1 Layer III
 * files of silent frames, both accepted by players, `file-type` and `music-metadata`.
 */

/**
 * A mono 16-bit PCM WAV of `seconds` at `sampleRate`, a sine at `frequency` Hz. Different
 * frequencies give different bytes, so tests can make as many distinct recordings as they need.
 */
export function makeWav(
  options: { seconds?: number; sampleRate?: number; frequency?: number } = {},
): Buffer {
  const { seconds = 0.5, sampleRate = 8000, frequency = 440 } = options
  const samples = Math.round(seconds * sampleRate)
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++) {
    const value = Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate))
    data.writeInt16LE(value, i * 2)
  }
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

/** A WAV of exactly `bytes` bytes (44-byte header plus an even number of sample bytes). */
export function makeWavOfSize(bytes: number, sampleRate = 8000): Buffer {
  if (bytes < 46 || bytes % 2 !== 0) throw new Error('a WAV of this size cannot be made')
  return makeWav({ seconds: (bytes - 44) / 2 / sampleRate, sampleRate })
}

/** One MPEG-1 Layer III frame: 32 kbit/s, 32 kHz, mono, no CRC, silent (144 bytes, 36 ms). */
function silentMp3Frame(): Buffer {
  const frame = Buffer.alloc(144)
  frame[0] = 0xff
  frame[1] = 0xfb // MPEG-1, Layer III, no CRC
  frame[2] = 0x18 // 32 kbit/s, 32 kHz, no padding
  frame[3] = 0xc0 // mono
  return frame
}

/** An MP3 of `frames` silent frames (28 frames are about one second). */
export function makeMp3(frames = 28): Buffer {
  const frame = silentMp3Frame()
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

/** The playing time music-metadata reports for {@link makeMp3}`(frames)`. */
export function mp3Seconds(frames: number): number {
  return Math.round(((frames * 1152) / 32000) * 1000) / 1000
}
