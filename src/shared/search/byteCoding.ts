/**
 * Variable-length integers and growable typed arrays: the building blocks of the compact index.
 *
 * Postings are doc-number gaps, mostly below 128, so a LEB128 varint stores most of them in one
 * byte where a JS `Map` entry costs 40–90 bytes (FACTS: that is why MiniSearch needs ~4 GB at
 * 576k papers).
 */

export function varintSize(value: number): number {
  if (value < 0x80) return 1
  if (value < 0x4000) return 2
  if (value < 0x200000) return 3
  if (value < 0x10000000) return 4
  return 5
}

/** Writes `value` (0 ≤ value < 2^32) at `offset`; returns the offset after it. */
export function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  let rest = value
  while (rest >= 0x80) {
    bytes[offset] = (rest & 0x7f) | 0x80
    offset += 1
    rest = Math.floor(rest / 128)
  }
  bytes[offset] = rest
  return offset + 1
}

/** A forward reader over varints; `position` is public so hot loops can inline the reads. */
export class VarintReader {
  position: number

  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number
  ) {
    this.position = start
  }

  get done(): boolean {
    return this.position >= this.end
  }

  next(): number {
    const bytes = this.bytes
    let byte = bytes[this.position++]
    if (byte < 0x80) return byte
    let value = byte & 0x7f
    let shift = 128
    for (;;) {
      byte = bytes[this.position++]
      value += (byte & 0x7f) * shift
      if (byte < 0x80) return value
      shift *= 128
    }
  }
}

/** An append-only byte buffer that grows by doubling. */
export class ByteWriter {
  private buffer: Uint8Array
  length = 0

  constructor(initialCapacity = 1024) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity))
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < this.length + extra) capacity *= 2
    const grown = new Uint8Array(capacity)
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
  }

  varint(value: number): void {
    this.reserve(5)
    this.length = writeVarint(this.buffer, this.length, value)
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length)
    this.buffer.set(values, this.length)
    this.length += values.length
  }

  reset(): void {
    this.length = 0
  }

  byte(value: number): void {
    this.reserve(1)
    this.buffer[this.length++] = value
  }

  /** The bytes written so far, without copying (valid until the next write). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  /** A copy that owns exactly its bytes (IndexedDB would otherwise store the spare capacity). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }
}

type TypedArrayConstructor<T> = { new (length: number): T }

/** A growable typed array of numbers; `finish` returns an exact-size copy. */
export class GrowableArray<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array> {
  private array: T
  length = 0

  constructor(
    private readonly Type: TypedArrayConstructor<T>,
    initialCapacity = 1024
  ) {
    this.array = new Type(Math.max(16, initialCapacity))
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new this.Type(this.array.length * 2)
      grown.set(this.array)
      this.array = grown
    }
    this.array[this.length++] = value
  }

  get(index: number): number {
    return this.array[index]
  }

  finish(): T {
    return this.array.slice(0, this.length) as T
  }
}

/** `array` if it holds `length` items, else a copy at least twice as long with the same prefix. */
export function ensureLength<T extends Uint32Array | Int32Array | Uint8Array>(array: T, length: number): T {
  if (array.length >= length) return array
  const grown = new (array.constructor as { new (length: number): T })(Math.max(length, array.length * 2))
  grown.set(array)
  return grown
}
