import type { IvrModel, TextValue } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import { recordingFileOf } from '../../validate/rules/missing-recording.ts'
import { indexModel } from '../../validate/walk.ts'
import { toPosition, type LineIndex } from '../../yaml/positions.ts'

/** One place of the IVR that plays a recording of this server. */
export interface RecordingUsage {
  /** The command or choice option that plays it: what the canvas shows as a row. */
  readonly path: IvrPath
  /** The URL scalar itself (`[...path, 'play']`). */
  readonly urlPath: IvrPath
  readonly section: string
  /** A `play` command, or the prompt of a choice option. */
  readonly kind: 'play' | 'option'
  /** The option's key, for `option`. */
  readonly key: string | null
  /** 1-based line of the URL. */
  readonly line: number
  /** 0-based offset of the URL in the text. */
  readonly offset: number
}

/**
 * Every play command and choice prompt whose URL points at `${baseUrl}/recordings/`, by the file
 * name it names, in source order.
 */
export function recordingUsages(
  model: IvrModel,
  lines: LineIndex,
  baseUrl: string,
): ReadonlyMap<string, readonly RecordingUsage[]> {
  const usages = new Map<string, RecordingUsage[]>()
  const add = (
    url: TextValue | null,
    path: IvrPath,
    section: string,
    kind: RecordingUsage['kind'],
    key: string | null,
  ) => {
    if (!url) return
    const file = recordingFileOf(url.value.trim(), baseUrl)
    if (file === null || file === '') return
    const usage: RecordingUsage = {
      path,
      urlPath: [...path, 'play'],
      section,
      kind,
      key,
      line: toPosition(lines, url.span.start).line,
      offset: url.span.start,
    }
    const list = usages.get(file)
    if (list) list.push(usage)
    else usages.set(file, [usage])
  }
  for (const { item: command, place } of indexModel(model).commands) {
    if (command.kind === 'play') add(command.url, command.path, place.section.name, 'play', null)
    if (command.kind === 'choice') {
      for (const option of command.options) {
        add(option.play, option.path, place.section.name, 'option', option.key)
      }
    }
  }
  // Option prompts are indexed with their choice, before the commands nested in earlier options.
  for (const list of usages.values()) list.sort((a, b) => a.offset - b.offset)
  return usages
}

/** How a usage reads in a list: "Play in “online”", "Prompt of key 2 in “queue”". */
export function usageLabel(usage: RecordingUsage): {
  readonly id: 'recordings.usage.play' | 'recordings.usage.option'
  readonly args: { readonly section: string; readonly key: string; readonly line: number }
} {
  return {
    id: usage.kind === 'play' ? 'recordings.usage.play' : 'recordings.usage.option',
    args: { section: usage.section, key: usage.key ?? '', line: usage.line },
  }
}
