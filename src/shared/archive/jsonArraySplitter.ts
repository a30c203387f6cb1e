/**
 * Splits ONE top-level JSON array, arriving as byte chunks, into its parsed elements.
 *
 * The papers dump is a single 2.2 GB array: four times V8's longest string, so it cannot be parsed
 * whole. This scanner finds each element's byte range by tracking only strings, escapes and
 * bracket depth, then decodes that slice alone and hands it to `JSON.parse`, which does the real
 * validation. Scanning bytes rather than a decoded string is ~2× faster (FACTS.md), and inside a
 * string it jumps from quote to quote with `indexOf` instead of visiting every byte.
 *
 * Every failure is a `DumpFormatError` with the index of the element being read and the byte
 * offset where it starts (or where the scan stopped): wrong top-level type, invalid JSON, input
 * that ends inside the array, an element over `maxRecordBytes`, bytes after the closing bracket.
 *
 * Duplicate keys inside one element are not detected: `JSON.parse` keeps the last, finding them
 * would need a full tokenizer per record (the cost this design exists to avoid), and the dumps are
 * written from Python dicts, which cannot hold a key twice. Duplicate *ids* across elements are
 * what can hurt, and the ingest layer rejects those (`DuplicateRecordIdError`).
 */
import { DumpFormatError } from './dumpErrors'

export interface SplitElement {
  value: unknown
  /** 0-based position in the array. */
  index: number
  /** Offset of the element's first byte in the whole (uncompressed) input. */
  byteOffset: number
  byteLength: number
}

export interface JsonArraySplitterOptions {
  /**
   * Largest element accepted, in bytes. The biggest real record is a 4 MB evaluation-tables task
   * tree (2020); the cap keeps a corrupt file (a string that never closes) from buffering
   * gigabytes before failing, and keeps every slice far below V8's string limit.
   */
  maxRecordBytes?: number
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const UTF8_BOM = [0xef, 0xbb, 0xbf]

// Where the scanner is between elements; inside one, `depth`/`inString` say the rest.
const BEFORE_ARRAY = 0
const EXPECT_FIRST = 1
const EXPECT_NEXT = 2
const IN_ELEMENT = 3
const AFTER_ELEMENT = 4
const DONE = 5

const NONE_LEFT = -2

function findFrom(chunk: Uint8Array, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from)
  return at === -1 ? NONE_LEFT : at
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** Bytes that end a bare number or literal element. */
function endsScalar(byte: number): boolean {
  return byte === COMMA || byte === CLOSE_BRACKET || isWhitespace(byte)
}

function describeByte(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16)}`
}

function topLevelName(byte: number): string {
  if (byte === OPEN_BRACE) return 'an object'
  if (byte === QUOTE) return 'a string'
  if (byte === 0x74 || byte === 0x66) return 'a boolean'
  if (byte === 0x6e) return 'null'
  if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) return 'a number'
  return describeByte(byte)
}

export class JsonArraySplitter {
  private readonly maxRecordBytes: number
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  private state = BEFORE_ARRAY
  private depth = 0
  private inString = false
  private escaped = false
  private scalar = false
  /** Bytes of the current element from earlier chunks. */
  private carried: Uint8Array[] = []
  private carriedBytes = 0
  private elementOffset = 0
  private chunkOffset = 0
  private nextIndex = 0

  constructor(options: JsonArraySplitterOptions = {}) {
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES
  }

  /** Elements completed so far; also the index of the element being read. */
  get recordsSplit(): number {
    return this.nextIndex
  }

  /** Uncompressed bytes consumed so far. */
  get bytesConsumed(): number {
    return this.chunkOffset
  }

  /**
   * The record the input has reached: the one being read and its first byte, or between
   * records the next one and where the input stopped (`null` once the array has closed). Where
   * a stream that breaks off broke.
   */
  get position(): { recordIndex: number | null; byteOffset: number } {
    if (this.state === IN_ELEMENT) return { recordIndex: this.nextIndex, byteOffset: this.elementOffset }
    return { recordIndex: this.state === DONE ? null : this.nextIndex, byteOffset: this.chunkOffset }
  }

  /** Scans one chunk and returns the elements it completed, in order. */
  push(chunk: Uint8Array): SplitElement[] {
    const elements: SplitElement[] = []
    const length = chunk.length
    let elementStart = this.state === IN_ELEMENT ? 0 : -1
    // Next quote and backslash at or after `i`, each searched again only once `i` has passed it:
    // searching per backslash made a long escaped string cost its length × its escapes (#13).
    // NONE_LEFT: the chunk holds no more of that byte.
    let nextQuote = -1
    let nextBackslash = -1
    let i = 0
    while (i < length) {
      if (this.state === IN_ELEMENT) {
        if (this.inString) {
          if (this.escaped) {
            this.escaped = false
            i++
            continue
          }
          if (nextQuote !== NONE_LEFT && nextQuote < i) nextQuote = findFrom(chunk, QUOTE, i)
          if (nextBackslash !== NONE_LEFT && nextBackslash < i) {
            nextBackslash = findFrom(chunk, BACKSLASH, i)
          }
          if (nextBackslash !== NONE_LEFT && (nextQuote === NONE_LEFT || nextBackslash < nextQuote)) {
            this.escaped = true
            i = nextBackslash + 1
            continue
          }
          if (nextQuote === NONE_LEFT) {
            i = length
            break
          }
          this.inString = false
          i = nextQuote + 1
          if (this.depth === 0) {
            elements.push(this.completeElement(chunk, elementStart, i))
            elementStart = -1
          }
          continue
        }
        const byte = chunk[i]
        if (this.scalar) {
          if (endsScalar(byte)) {
            elements.push(this.completeElement(chunk, elementStart, i))
            elementStart = -1
            continue // the delimiter is read again in AFTER_ELEMENT
          }
          i++
          continue
        }
        if (byte === QUOTE) {
          this.inString = true
        } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
          this.depth++
        } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          this.depth--
          if (this.depth === 0) {
            i++
            elements.push(this.completeElement(chunk, elementStart, i))
            elementStart = -1
            continue
          }
        }
        i++
        continue
      }

      const byte = chunk[i]
      if (isWhitespace(byte)) {
        i++
        continue
      }
      switch (this.state) {
        case BEFORE_ARRAY:
          if (this.isByteOrderMark(byte, this.chunkOffset + i)) {
            i++
            continue
          }
          if (byte !== OPEN_BRACKET) {
            throw new DumpFormatError(
              'not-an-array',
              `expected the file to be one JSON array, but the top-level value is ${topLevelName(byte)}`,
              null,
              this.chunkOffset + i
            )
          }
          this.state = EXPECT_FIRST
          i++
          break
        case EXPECT_FIRST:
          if (byte === CLOSE_BRACKET) {
            this.state = DONE
            i++
            break
          }
          elementStart = this.startElement(byte, i)
          i++
          break
        case EXPECT_NEXT:
          if (byte === CLOSE_BRACKET) throw this.invalid(`a ',' before the closing ']'`, i)
          elementStart = this.startElement(byte, i)
          i++
          break
        case AFTER_ELEMENT:
          if (byte === COMMA) this.state = EXPECT_NEXT
          else if (byte === CLOSE_BRACKET) this.state = DONE
          else throw this.invalid(`${describeByte(byte)} where ',' or ']' must follow a record`, i)
          i++
          break
        default:
          throw new DumpFormatError(
            'trailing-data',
            `unexpected ${describeByte(byte)} after the array's closing ']'`,
            null,
            this.chunkOffset + i
          )
      }
    }
    if (this.state === IN_ELEMENT) this.carry(chunk, Math.max(elementStart, 0))
    this.chunkOffset += length
    return elements
  }

  /** Declares the input complete; throws if it ended anywhere but after the closing `]`. */
  end(): void {
    if (this.state === DONE) return
    if (this.state === IN_ELEMENT && this.scalar) {
      // A bare scalar at the very end has no delimiter: the array is still missing its ']'.
      this.state = AFTER_ELEMENT
    }
    if (this.state === BEFORE_ARRAY) {
      throw new DumpFormatError('empty-input', 'the file holds no JSON array', null, this.chunkOffset)
    }
    const inRecord = this.state === IN_ELEMENT
    throw new DumpFormatError(
      'truncated',
      inRecord
        ? `the input ends inside record ${this.nextIndex} (truncated file?)`
        : `the input ends after ${this.nextIndex} records without the array's closing ']' (truncated file?)`,
      inRecord ? this.nextIndex : null,
      inRecord ? this.elementOffset : this.chunkOffset
    )
  }

  /** The UTF-8 byte order mark some tools write, byte by byte, so it may straddle chunks. */
  private isByteOrderMark(byte: number, offset: number): boolean {
    return offset < 3 && byte === UTF8_BOM[offset]
  }

  private startElement(byte: number, i: number): number {
    const isScalarStart =
      byte === 0x2d || (byte >= 0x30 && byte <= 0x39) || byte === 0x74 || byte === 0x66 || byte === 0x6e
    if (byte !== OPEN_BRACE && byte !== OPEN_BRACKET && byte !== QUOTE && !isScalarStart) {
      throw this.invalid(`${describeByte(byte)} where a record must start`, i)
    }
    this.state = IN_ELEMENT
    this.depth = byte === OPEN_BRACE || byte === OPEN_BRACKET ? 1 : 0
    this.inString = byte === QUOTE
    this.escaped = false
    this.scalar = isScalarStart
    this.elementOffset = this.chunkOffset + i
    return i
  }

  private invalid(what: string, i: number): DumpFormatError {
    return new DumpFormatError(
      'invalid-json',
      `invalid JSON at record ${this.nextIndex}: ${what}`,
      this.nextIndex,
      this.chunkOffset + i
    )
  }

  private carry(chunk: Uint8Array, from: number): void {
    // A copy, not a view: a stream may reuse its buffer for the next chunk.
    this.carried.push(chunk.slice(from))
    this.carriedBytes += chunk.length - from
    this.checkSize(this.carriedBytes)
  }

  private checkSize(bytes: number): void {
    if (bytes > this.maxRecordBytes) {
      throw new DumpFormatError(
        'record-too-large',
        `record ${this.nextIndex} is larger than ${this.maxRecordBytes} bytes (a string that never ends?)`,
        this.nextIndex,
        this.elementOffset
      )
    }
  }

  private completeElement(chunk: Uint8Array, start: number, end: number): SplitElement {
    const tail = chunk.subarray(Math.max(start, 0), end)
    let bytes = tail
    if (this.carriedBytes > 0) {
      bytes = new Uint8Array(this.carriedBytes + tail.length)
      let at = 0
      for (const piece of this.carried) {
        bytes.set(piece, at)
        at += piece.length
      }
      bytes.set(tail, at)
    }
    this.checkSize(bytes.length)
    const index = this.nextIndex
    const byteOffset = this.elementOffset
    let value: unknown
    try {
      value = JSON.parse(this.decoder.decode(bytes))
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : 'not valid UTF-8'
      throw new DumpFormatError(
        'invalid-json',
        `record ${index} is not valid JSON: ${reason}`,
        index,
        byteOffset
      )
    }
    this.carried = []
    this.carriedBytes = 0
    this.nextIndex++
    this.state = AFTER_ELEMENT
    this.scalar = false
    return { value, index, byteOffset, byteLength: bytes.length }
  }
}
