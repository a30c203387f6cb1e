import { createReadStream, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

/**
 * A mirror of the archive for tests: serves files from a folder on 127.0.0.1 with HTTP Range,
 * CORS (browser mode fetches it cross-origin), and a switch that cuts a response after N bytes
 * to simulate a dropped connection.
 */
export interface RangeFileServer {
  baseUrl: string
  /** Requests seen, with their Range header, for assertions. */
  requests: { path: string; method: string; range: string | undefined }[]
  /** The next GET of a file stops after this many bytes (then the socket is destroyed). */
  cutNextResponseAfter(bytes: number): void
  close(): Promise<void>
}

export async function startRangeFileServer(dir: string): Promise<RangeFileServer> {
  const requests: RangeFileServer['requests'] = []
  let cutAfter: number | null = null
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    requests.push({ path: pathname, method: request.method ?? 'GET', range: request.headers.range })
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Range',
      'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges'
    }
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end()
    const file = path.join(dir, path.basename(pathname))
    let size: number
    try {
      size = statSync(file).size
    } catch {
      return void response.writeHead(404, cors).end()
    }
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '')
    const start = match ? Number(match[1]) : 0
    if (start >= size && match) {
      return void response.writeHead(416, { ...cors, 'Content-Range': `bytes */${size}` }).end()
    }
    const headers = {
      ...cors,
      'Accept-Ranges': 'bytes',
      'Content-Type': 'application/gzip',
      'Content-Length': String(size - start),
      ...(match ? { 'Content-Range': `bytes ${start}-${size - 1}/${size}` } : {})
    }
    response.writeHead(match ? 206 : 200, headers)
    if (request.method === 'HEAD') return void response.end()
    const limit = cutAfter
    cutAfter = null
    const end = limit === null ? size - 1 : Math.min(size - 1, start + limit - 1)
    const stream = createReadStream(file, { start, end })
    stream.pipe(response, { end: limit === null })
    // Drop the connection a moment after the cut bytes are flushed, as a stalled-then-dropped
    // transfer does: dropping at once lets the client fail the whole request before it has read
    // any body, which is not the interruption this simulates.
    if (limit !== null)
      stream.on('end', () => response.write('', () => setTimeout(() => response.destroy(), 500)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    cutNextResponseAfter: (bytes) => {
      cutAfter = bytes
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
