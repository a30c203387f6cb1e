/**
 * Downloads one archive file into a cache with HTTP Range resume and a size check.
 *
 * The same algorithm serves the Electron main process (file-system sink) and browser mode
 * (origin-private file system sink): only the sink differs. The papers dump is 564 MB of gzip,
 * so an interrupted download must continue where it stopped, not start over.
 */

/** Where bytes land. A sink keeps an in-progress part separate from the complete file. */
export interface DownloadSink {
  /** Size of a complete cached copy, or null when there is none. */
  completeSize(): Promise<number | null>
  /** Bytes of an unfinished earlier attempt (0 when none). */
  partialSize(): Promise<number>
  /** Drops any partial bytes (the server ignored our Range request, or the file changed). */
  resetPartial(): Promise<void>
  append(chunk: Uint8Array): Promise<void>
  /** Promotes the partial file to the complete copy. */
  commit(): Promise<void>
  /** Removes the complete copy (it no longer matches the server). */
  discardComplete(): Promise<void>
  /** Releases open handles after success, failure or cancel; the partial bytes stay. */
  release(): Promise<void>
}

export interface DownloadEvent {
  bytesReceived: number
  bytesTotal: number | null
  state: 'downloading' | 'resumed' | 'cached' | 'done'
}

export interface DownloadOptions {
  url: string
  sink: DownloadSink
  fetch: (url: string, init: RequestInit) => Promise<Response>
  signal?: AbortSignal
  onProgress?: (event: DownloadEvent) => void
  /** Minimum milliseconds between progress events while bytes flow. */
  progressIntervalMs?: number
}

export interface DownloadOutcome {
  bytes: number
  /** True when a partial file was continued with a Range request. */
  resumed: boolean
  /** True when the cached copy matched the server and nothing was fetched. */
  fromCache: boolean
}

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    message: string
  ) {
    super(`${url}: ${message}`)
    this.name = 'DownloadError'
  }
}

/** Total size from `Content-Range: bytes 100-999/1000`, or null. */
export function totalFromContentRange(header: string | null): number | null {
  const match = header?.match(/\/(\d+)\s*$/)
  return match ? Number(match[1]) : null
}

function contentLength(response: Response): number | null {
  const value = response.headers.get('content-length')
  return value !== null && /^\d+$/.test(value) ? Number(value) : null
}

/** Asks the server for the current size, so an unchanged cached file is not fetched again. */
async function remoteSize(options: DownloadOptions): Promise<number | null> {
  try {
    const response = await options.fetch(options.url, { method: 'HEAD', signal: options.signal })
    return response.ok ? contentLength(response) : null
  } catch (error) {
    if (options.signal?.aborted) throw error
    return null // offline: the cached copy is the best we have
  }
}

export async function downloadResumable(options: DownloadOptions): Promise<DownloadOutcome> {
  const { sink, url, signal, onProgress } = options
  const cached = await sink.completeSize()
  if (cached !== null) {
    const size = await remoteSize(options)
    if (size === null || size === cached) {
      onProgress?.({ bytesReceived: cached, bytesTotal: cached, state: 'cached' })
      return { bytes: cached, resumed: false, fromCache: true }
    }
    await sink.discardComplete()
  }

  let offset = await sink.partialSize()
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {}
  let response = await options.fetch(url, { headers, signal })
  if (response.status === 416) {
    // The partial is no prefix of the current file (it changed or is already longer): restart.
    await response.body?.cancel()
    await sink.resetPartial()
    offset = 0
    response = await options.fetch(url, { signal })
  }
  if (!response.ok) throw new DownloadError(url, `HTTP ${response.status}`)

  let total: number | null
  const resumed = response.status === 206 && offset > 0
  if (resumed) {
    total = totalFromContentRange(response.headers.get('content-range'))
  } else {
    if (offset > 0) await sink.resetPartial() // server ignored Range and sent everything
    offset = 0
    total = contentLength(response)
  }
  if (!response.body) throw new DownloadError(url, 'empty response body')

  const interval = options.progressIntervalMs ?? 250
  let received = offset
  let lastReport = 0
  onProgress?.({ bytesReceived: received, bytesTotal: total, state: resumed ? 'resumed' : 'downloading' })
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      await sink.append(value)
      received += value.byteLength
      const now = Date.now()
      if (now - lastReport >= interval) {
        lastReport = now
        onProgress?.({ bytesReceived: received, bytesTotal: total, state: 'downloading' })
      }
    }
  } finally {
    await sink.release()
  }
  if (total !== null && received !== total) {
    throw new DownloadError(url, `size check failed: expected ${total} bytes, got ${received}`)
  }
  await sink.commit()
  onProgress?.({ bytesReceived: received, bytesTotal: received, state: 'done' })
  return { bytes: received, resumed, fromCache: false }
}
