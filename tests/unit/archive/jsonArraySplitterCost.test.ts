/**
 * The splitter's work must grow with its input, not with input × backslashes (issue #13: a 4.2 MB
 * string of escapes in 1 MB chunks took 29.6 s because every backslash restarted the search for
 * the closing quote). Work is counted as the bytes `indexOf` examines, which is deterministic,
 * unlike a timing on a shared machine.
 */
import { describe, expect, it } from 'vitest'
import { JsonArraySplitter } from '../../../src/shared/archive/jsonArraySplitter'

const encoder = new TextEncoder()

/** A chunk whose `indexOf` adds the bytes it examines to `work.bytes`. */
class CountingChunk extends Uint8Array {
  static work = { bytes: 0 }

  override indexOf(value: number, from = 0): number {
    const found = super.indexOf(value, from)
    CountingChunk.work.bytes += (found === -1 ? this.length : found + 1) - from
    return found
  }
}

function scannedBytes(json: string, chunkBytes: number): { bytes: number; values: unknown[] } {
  const bytes = encoder.encode(json)
  const splitter = new JsonArraySplitter()
  const values: unknown[] = []
  CountingChunk.work.bytes = 0
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const chunk = new CountingChunk(bytes.subarray(offset, offset + chunkBytes))
    values.push(...splitter.push(chunk).map((element) => element.value))
  }
  splitter.end()
  return { bytes: CountingChunk.work.bytes, values }
}

describe('JsonArraySplitter cost', () => {
  it('scans a long string full of escapes in work linear in its size', () => {
    // A LaTeX-heavy description, as methods carry, repeated to the size in issue #13; no quote
    // until its end, so a search for the closing quote that restarts per backslash runs far.
    const unit = String.raw`$\mathbf{x}_{t} = \frac{1}{2}\sum \\ path\to\file` + '\r\n\t'
    const escaped = unit.repeat(Math.ceil(4.2e6 / unit.length))
    const plain = 'x'.repeat(escaped.length)
    for (const chunkBytes of [4096, 1 << 20]) {
      const json = JSON.stringify([{ description: escaped }, { description: plain }])
      const { bytes, values } = scannedBytes(json, chunkBytes)
      expect(values).toEqual([{ description: escaped }, { description: plain }])
      // Each byte is examined by at most the quote search and the backslash search.
      expect(bytes).toBeLessThan(2 * json.length + 1024)
    }
  })

  it('splits escapes and quotes at every chunk boundary', () => {
    const values = ['\\', '"', '\\"', '\\\\"', 'a\\\\', '\u0000', '\ud83d\ude00\u202e', '\\u0041']
    const json = JSON.stringify([{ s: values.join('') }, values, ...values])
    for (let chunkBytes = 1; chunkBytes <= 9; chunkBytes++) {
      expect(scannedBytes(json, chunkBytes).values).toEqual([{ s: values.join('') }, values, ...values])
    }
  })
})
