/**
 * `DecompressionStream('gzip')` as Chromium behaves, for Node tests: Node's own reads every
 * member of a multi-member file, Chromium's (checked on Chromium 150 and its source) ends at the
 * first member and then fails with "Junk found after end of compressed data." Installed with
 * `vi.stubGlobal('DecompressionStream', ChromiumDecompressionStream)`, it lets the CLI and the
 * engine run here on the browser's rules.
 *
 * It re-inflates the buffered member on every chunk (quadratic): meant for test-sized files.
 */
import { constants, crc32, inflateRawSync } from 'node:zlib'

const FTEXT_HCRC = 0x02
const FEXTRA = 0x04
const FNAME = 0x08
const FCOMMENT = 0x10

/** Length of the gzip header at the start of `bytes`, or `null` while it is incomplete. */
function headerLength(bytes: Uint8Array): number | null {
  if (bytes.length < 10) return null
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08) {
    throw new TypeError('The compressed data was not valid: incorrect header check.')
  }
  const flags = bytes[3]
  let at = 10
  if (flags & FEXTRA) {
    if (bytes.length < at + 2) return null
    at += 2 + (bytes[at] | (bytes[at + 1] << 8))
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue
    const end = bytes.indexOf(0, at)
    if (end === -1) return null
    at = end + 1
  }
  if (flags & FTEXT_HCRC) at += 2
  return at <= bytes.length ? at : null
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(a.length + b.length)
  bytes.set(a)
  bytes.set(b, a.length)
  return bytes
}

class SingleMemberInflater {
  private input: Uint8Array = new Uint8Array(0)
  private delivered = 0
  private ended = false

  transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>): void {
    if (this.ended && chunk.length > 0) throw new TypeError('Junk found after end of compressed data.')
    this.input = concat(this.input, chunk)
    const header = headerLength(this.input)
    if (header === null) return
    const deflate = this.input.subarray(header)
    let inflated: { buffer: Buffer; engine: { bytesWritten: number } }
    try {
      inflated = inflateRawSync(deflate, {
        info: true,
        finishFlush: constants.Z_SYNC_FLUSH
      }) as unknown as typeof inflated
    } catch (error) {
      throw new TypeError(`The compressed data was not valid: ${(error as Error).message}.`)
    }
    const output = new Uint8Array(inflated.buffer)
    if (output.length > this.delivered) controller.enqueue(output.slice(this.delivered))
    this.delivered = output.length
    const deflateEnd = inflated.engine.bytesWritten
    // The deflate data ended before the input did: the 8-byte trailer follows (CRC32, ISIZE).
    if (deflateEnd < deflate.length && deflate.length - deflateEnd >= 8) {
      const trailer = new DataView(deflate.buffer, deflate.byteOffset + deflateEnd, 8)
      if (trailer.getUint32(0, true) !== crc32(output) || trailer.getUint32(4, true) !== output.length) {
        throw new TypeError('The compressed data was not valid: incorrect data check.')
      }
      this.ended = true
      if (deflate.length - deflateEnd > 8) throw new TypeError('Junk found after end of compressed data.')
    }
  }

  flush(): void {
    if (!this.ended) throw new TypeError('Compressed input was truncated.')
  }
}

export class ChromiumDecompressionStream extends TransformStream<Uint8Array, Uint8Array> {
  constructor(format: string) {
    if (format !== 'gzip') throw new TypeError(`unsupported format ${format} in this test double`)
    const inflater = new SingleMemberInflater()
    super({
      transform: (chunk, controller) => inflater.transform(chunk, controller),
      flush: () => inflater.flush()
    })
  }
}
