import ElkModule from 'elkjs/lib/elk.bundled.js'
import type { ElkInput, ElkOutput } from '../../graph/layout.ts'
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts'

/*
 * Lays out the canvas with ELK off the main thread, so typing stays smooth while a large IVR is
 * arranged. The bundle is CommonJS: its export is the constructor itself, or, depending on the
 * bundler's interop, an object whose `default` is.
 */

type Elk = { layout(graph: ElkInput): Promise<ElkOutput> }
type ElkConstructor = new () => Elk

const exported = ElkModule as unknown as ElkConstructor | { default: ElkConstructor }
const ELK: ElkConstructor = typeof exported === 'function' ? exported : exported.default
const elk = new ELK()
/** The part of a dedicated worker's global scope this worker uses (the app compiles with DOM types). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null
  postMessage(message: LayoutResponse): void
}

const scope = self as unknown as WorkerScope

// Assigned after the import on purpose: the bundle, finding itself in a worker, installs a
// handler of its own on `self.onmessage`, which this one replaces.
scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data
  elk.layout(graph).then(
    (output) =>
      reply({
        id,
        ok: true,
        output: { children: output.children?.map(({ id, x, y }) => ({ id, x, y })) ?? [] },
      }),
    (error: unknown) =>
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  )
}

function reply(response: LayoutResponse): void {
  scope.postMessage(response)
}
