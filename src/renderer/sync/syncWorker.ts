/**
 * The sync worker: owns its own Dexie connection and runs the import engine, so parsing and
 * IndexedDB writes (a `bulkPut` blocks its thread for 200 ms to 2 s, FACTS.md) never touch the
 * UI thread.
 */
import type { ArchiveSource } from '../../shared/archive/archiveSource'
import { openArchiveDatabase } from '../data/db'
import { importArchive, previewArchiveImport } from '../data/sync/importArchive'
import { SearchFeed } from './searchFeed'
import type { SyncFileSpec, SyncWorkerEvent, SyncWorkerRequest } from './syncWorkerProtocol'

const scope = self as unknown as {
  postMessage(message: SyncWorkerEvent): void
  onmessage: ((event: MessageEvent<SyncWorkerRequest>) => void) | null
}

/** `ArchiveSource.open` is synchronous; a fetch is not, so the stream starts the fetch itself. */
function fetchedStream(url: string): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const response = await fetch(url)
      if (!response.ok || !response.body) {
        controller.error(new Error(`Could not read ${url}: HTTP ${response.status}`))
        return
      }
      reader = response.body.getReader()
    },
    async pull(controller) {
      if (!reader) return
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel(reason) {
      return reader?.cancel(reason)
    }
  })
}

function toSource(spec: SyncFileSpec): ArchiveSource {
  const open = 'file' in spec ? () => spec.file.stream() : () => fetchedStream(spec.url)
  return { name: spec.name, size: spec.size, kind: spec.kind, open }
}

let running: AbortController | null = null

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'cancel') {
    running?.abort()
    return
  }
  if (running) {
    // Ignored: the search worker must still hear that this request's sync will write nothing.
    if (request.searchFeed) new SearchFeed(request.searchFeed).end(false)
    return
  }
  const controller = new AbortController()
  running = controller
  const db = openArchiveDatabase()
  const run = request.preview ? previewArchiveImport : importArchive
  run(db, request.files.map(toSource), {
    signal: controller.signal,
    snapshotDate: request.snapshotDate ?? null,
    force: request.choices?.force ?? false,
    replaceKinds: request.choices?.replaceKinds ?? [],
    paperObserver: request.searchFeed ? new SearchFeed(request.searchFeed) : undefined,
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress })
  })
    .then((result) => scope.postMessage({ type: 'finished', result }))
    .catch((error: unknown) =>
      scope.postMessage({ type: 'crashed', message: error instanceof Error ? error.message : String(error) })
    )
    .finally(() => {
      running = null
      db.close()
    })
}
