import type { RenderedPiece } from './markdownPieces'
import type { MarkdownPieceReply, MarkdownPieceRequest } from './markdownRenderProtocol'

/**
 * The UI side of the Markdown worker. Requests run one at a time, each within a time budget:
 * synchronous KaTeX cannot be interrupted, so a worker that overruns is terminated (and a new
 * one started for the next request) and the caller shows that piece as plain text. Rendered
 * pieces are cached, so returning to a page shows its description at once.
 */

/** Far above the slowest hostile piece measured (~1 s on a loaded 2-core machine). */
export const RENDER_BUDGET_MS = 5_000

const CACHED_PIECES = 64

/** Raised when a piece overran `RENDER_BUDGET_MS`. */
export class RenderTimeoutError extends Error {}

interface QueuedRequest {
  request: Omit<MarkdownPieceRequest, 'id'>
  key: string
  resolve: (piece: RenderedPiece) => void
  reject: (error: Error) => void
}

let worker: Worker | null = null
let nextId = 1
let running: (QueuedRequest & { id: number; timer: ReturnType<typeof setTimeout> }) | null = null
const queue: QueuedRequest[] = []
const cache = new Map<string, RenderedPiece>()

function pieceWindow(text: string, start: number, maxChars: number): string {
  // One character past the limit tells the cut that more text follows.
  return text.slice(start, start + maxChars + 1)
}

function cacheKey(window: string, maxChars: number): string {
  return `${maxChars}:${window}`
}

function remember(key: string, piece: RenderedPiece): void {
  cache.delete(key)
  cache.set(key, piece)
  if (cache.size > CACHED_PIECES) cache.delete(cache.keys().next().value as string)
}

function connect(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./markdownRenderWorker.ts', import.meta.url), {
    type: 'module',
    name: 'markdown'
  })
  worker.onmessage = ({ data }: MessageEvent<MarkdownPieceReply>) => {
    if (!running || data.id !== running.id) return
    const { resolve, reject, key, timer } = running
    clearTimeout(timer)
    running = null
    if (data.type === 'rendered') {
      remember(key, data.piece)
      resolve(data.piece)
    } else reject(new Error(data.message))
    runNext()
  }
  return worker
}

function runNext(): void {
  const next = queue.shift()
  if (!next) return
  const id = nextId++
  const timer = setTimeout(() => {
    worker?.terminate()
    worker = null
    running = null
    next.reject(new RenderTimeoutError(`Rendering took longer than ${RENDER_BUDGET_MS} ms`))
    runNext()
  }, RENDER_BUDGET_MS)
  running = { ...next, id, timer }
  connect().postMessage({ ...next.request, id } satisfies MarkdownPieceRequest)
}

/** The piece of `text` from `start`, if it was rendered before (so it can show without waiting). */
export function cachedMarkdownPiece(
  text: string,
  start: number,
  maxChars: number
): RenderedPiece | undefined {
  return cache.get(cacheKey(pieceWindow(text, start, maxChars), maxChars))
}

/** Renders the piece of `text` that starts at `start` (at most `maxChars` characters) in the worker. */
export function renderMarkdownPieceOffThread(
  text: string,
  start: number,
  maxChars: number
): Promise<RenderedPiece> {
  const window = pieceWindow(text, start, maxChars)
  const key = cacheKey(window, maxChars)
  const cached = cache.get(key)
  if (cached) return Promise.resolve(cached)
  return new Promise((resolve, reject) => {
    queue.push({ request: { window, maxChars }, key, resolve, reject })
    if (!running) runNext()
  })
}
