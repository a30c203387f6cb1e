/**
 * gzip bytes → the data of every member, one after another, as gzip(1) and Node's zlib read a
 * file of concatenated members (`cat a.gz b.gz`, bgzip, appending loggers).
 *
 * Chromium's `DecompressionStream('gzip')` stops at the end of the first member and fails the
 * stream with "Junk found after end of compressed data" (checked on Chromium 150); Node's reads
 * on. So the CLI accepted files the app refused (#13). Where a member ends is only known by
 * inflating it, so the raw bytes are cut before every `1f 8b 08` (a member's first bytes) and
 * written to the decompressor piece by piece. When a piece that starts there is refused, the
 * member just ended if its trailer (the 4 bytes before the cut, ISIZE) equals the bytes it
 * produced; then a new decompressor takes the piece as the next member's start.
 *
 * A failure does not error the output stream: an errored web stream discards the chunks still
 * queued in it, so how much decoded data the consumer saw would depend on how fast it read (the
 * importer reported corruption hundreds of records earlier than the CLI, #13). The output closes
 * after everything decoded before the failure, and `failure()` then says why it ended.
 *
 * Left apart: bytes after the last member that start with NUL. Node's zlib ignores them (it takes
 * them for tar-style padding) while Chromium's decoder, like this one, refuses them; telling them
 * apart in Node would need where its decoder ended a member, which it does not say. Node also
 * drops what its failing call decoded (up to one 16 KiB output chunk), so on Node a corruption
 * can be reported a few records before where Chromium reports it.
 */

/** The first bytes of a gzip member: magic 1f 8b, compression method 8 (deflate, the only one). */
const MEMBER_START = [0x1f, 0x8b, 0x08]
const TRAILER_SIZE_BYTES = 4

export type DecompressorFactory = () => TransformStream<Uint8Array, Uint8Array>

export interface GunzippedStream {
  /** Every member's data; closes early, after all data decoded before a failure. */
  readable: ReadableStream<Uint8Array>
  /** Why decoding stopped, once `readable` has closed; `null` when the input was whole. */
  failure(): unknown
}

/** The platform's gzip decoder (Chromium's stops after one member, Node's does not). */
export function platformGunzip(): TransformStream<Uint8Array, Uint8Array> {
  // The DOM and Node typings disagree on the buffer type DecompressionStream accepts; at runtime
  // both take any Uint8Array.
  return new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>
}

export function gunzipMembers(
  raw: ReadableStream<Uint8Array>,
  createDecompressor: DecompressorFactory = platformGunzip
): GunzippedStream {
  const decoder = new MemberDecoder(createDecompressor)
  const readable = raw.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => decoder.transform(chunk, controller),
      flush: (controller) => decoder.flush(controller)
    })
  )
  return { readable, failure: () => decoder.failure }
}

/** One member's decompressor, with its output pumped into the shared output as it comes. */
class MemberInflater {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>
  /** Resolves with the decompressor's error, or `null` when its output ended cleanly. */
  readonly pumped: Promise<unknown>
  outputBytes = 0
  /** The last raw bytes written to this member: its trailer ends with ISIZE. */
  private readonly tail = new Uint8Array(TRAILER_SIZE_BYTES)
  private tailLength = 0

  constructor(
    decompressor: TransformStream<Uint8Array, Uint8Array>,
    output: TransformStreamDefaultController<Uint8Array>
  ) {
    this.writer = decompressor.writable.getWriter()
    this.writer.closed.catch(() => undefined)
    const reader = decompressor.readable.getReader()
    this.pumped = (async () => {
      try {
        for (;;) {
          const next = await reader.read()
          if (next.done) return null
          this.outputBytes += next.value.length
          output.enqueue(next.value)
        }
      } catch (error) {
        return error
      }
    })()
  }

  /** Resolves to the write's error, or `null` once the decompressor took the bytes. */
  async write(piece: Uint8Array): Promise<unknown> {
    try {
      await this.writer.write(piece)
    } catch (error) {
      return error
    }
    this.remember(piece)
    return null
  }

  /** Resolves to the decompressor's error, or `null` when the member ended whole. */
  async close(): Promise<unknown> {
    const closing = this.writer.close().then(
      () => null,
      (error: unknown) => error
    )
    const pumpError = await this.pumped
    return pumpError ?? (await closing)
  }

  /** Whether the bytes written so far end with a trailer whose ISIZE matches the output. */
  endsWithItsTrailer(): boolean {
    if (this.tailLength < TRAILER_SIZE_BYTES) return false
    const isize = new DataView(this.tail.buffer).getUint32(0, true)
    return isize === this.outputBytes % 2 ** 32
  }

  private remember(piece: Uint8Array): void {
    const keep = Math.min(piece.length, TRAILER_SIZE_BYTES)
    const fromOld = Math.min(this.tailLength, TRAILER_SIZE_BYTES - keep)
    this.tail.copyWithin(0, this.tailLength - fromOld, this.tailLength)
    this.tail.set(piece.subarray(piece.length - keep), fromOld)
    this.tailLength = fromOld + keep
  }
}

class MemberDecoder {
  failure: unknown = null
  private member: MemberInflater | null = null
  /** The chunk's last bytes when they could begin a member start that the next chunk ends. */
  private held: Uint8Array = new Uint8Array(0)

  constructor(private readonly createDecompressor: DecompressorFactory) {}

  async transform(chunk: Uint8Array, output: TransformStreamDefaultController<Uint8Array>): Promise<void> {
    if (this.failure !== null) return
    const bytes = this.held.length > 0 ? concat(this.held, chunk) : chunk
    const heldFrom = bytes.length - partialMemberStartLength(bytes)
    this.held = bytes.slice(heldFrom)
    await this.writePieces(bytes.subarray(0, heldFrom), output)
  }

  async flush(output: TransformStreamDefaultController<Uint8Array>): Promise<void> {
    if (this.failure === null && this.held.length > 0) await this.writePieces(this.held, output)
    if (this.failure === null && this.member !== null) this.failure = await this.member.close()
  }

  private async writePieces(
    bytes: Uint8Array,
    output: TransformStreamDefaultController<Uint8Array>
  ): Promise<void> {
    let start = 0
    while (start < bytes.length && this.failure === null) {
      const end = nextMemberStart(bytes, start + 1)
      await this.writePiece(bytes.subarray(start, end), output)
      start = end
    }
    if (this.failure !== null) output.terminate()
  }

  private async writePiece(
    piece: Uint8Array,
    output: TransformStreamDefaultController<Uint8Array>
  ): Promise<void> {
    if (this.member === null) this.member = new MemberInflater(this.createDecompressor(), output)
    const refused = await this.member.write(piece)
    if (refused === null) return
    const pumpError = await this.member.pumped
    if (!startsMember(piece, 0) || !this.member.endsWithItsTrailer()) {
      this.failure = pumpError ?? refused
      return
    }
    // The member ended right before this piece; its decompressor refuses anything more.
    this.member = new MemberInflater(this.createDecompressor(), output)
    const refusedAtStart = await this.member.write(piece)
    if (refusedAtStart !== null) this.failure = (await this.member.pumped) ?? refusedAtStart
  }
}

function startsMember(bytes: Uint8Array, at: number): boolean {
  return (
    at + MEMBER_START.length <= bytes.length &&
    bytes[at] === MEMBER_START[0] &&
    bytes[at + 1] === MEMBER_START[1] &&
    bytes[at + 2] === MEMBER_START[2]
  )
}

/** Where the next possible member start at or after `from` is; `bytes.length` when none. */
function nextMemberStart(bytes: Uint8Array, from: number): number {
  for (
    let at = bytes.indexOf(MEMBER_START[0], from);
    at !== -1;
    at = bytes.indexOf(MEMBER_START[0], at + 1)
  ) {
    if (startsMember(bytes, at)) return at
  }
  return bytes.length
}

/** How many of the last bytes are a proper prefix of a member start (0, 1 or 2). */
function partialMemberStartLength(bytes: Uint8Array): number {
  const n = bytes.length
  if (n >= 2 && bytes[n - 2] === MEMBER_START[0] && bytes[n - 1] === MEMBER_START[1]) return 2
  if (n >= 1 && bytes[n - 1] === MEMBER_START[0]) return 1
  return 0
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(a.length + b.length)
  bytes.set(a, 0)
  bytes.set(b, a.length)
  return bytes
}
