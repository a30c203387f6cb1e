import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { DumpFormatError } from '../../../src/shared/archive/dumpErrors'
import { readDumpRecords } from '../../../src/shared/archive/dumpRecordReader'
import { JsonArraySplitter, type SplitElement } from '../../../src/shared/archive/jsonArraySplitter'
import { readDumpFile } from '../../../src/main/archive/readDumpFile'
import { REAL_FILES, memorySource, realFileBytes, realFilePath, realRecords } from './archiveFixtures'

const encoder = new TextEncoder()

/** Runs the splitter over `bytes` in chunks of `chunkBytes`; returns the elements or the error. */
function split(bytes: Uint8Array, chunkBytes: number, maxRecordBytes?: number): SplitElement[] {
  const splitter = new JsonArraySplitter({ maxRecordBytes })
  const elements: SplitElement[] = []
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    elements.push(...splitter.push(bytes.subarray(offset, offset + chunkBytes)))
  }
  splitter.end()
  return elements
}

function splitError(bytes: Uint8Array, chunkBytes = 4096, maxRecordBytes?: number): DumpFormatError {
  try {
    split(bytes, chunkBytes, maxRecordBytes)
  } catch (error) {
    if (error instanceof DumpFormatError) return error
    throw error
  }
  throw new Error('expected the splitter to fail')
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<SplitElement[]> {
  const elements: SplitElement[] = []
  for await (const batch of readDumpRecords(stream)) elements.push(...batch)
  return elements
}

async function readError(stream: ReadableStream<Uint8Array>): Promise<DumpFormatError> {
  try {
    await readAll(stream)
  } catch (error) {
    if (error instanceof DumpFormatError) return error
    throw error
  }
  throw new Error('expected reading to fail')
}

// Fifty real methods as the dump prints them: escapes, LaTeX backslashes, \r\n, non-ASCII.
const methods = realRecords(REAL_FILES.methods).slice(0, 50)
const methodsJson = encoder.encode(JSON.stringify(methods, null, 2))

describe('JsonArraySplitter', () => {
  it.each([1, 3, 7, 64, 4096, 1 << 20])(
    'finds every record whatever the chunking (%i-byte chunks)',
    (chunkBytes) => {
      const elements = split(methodsJson, chunkBytes)
      expect(elements.map((e) => e.value)).toEqual(methods)
      expect(elements.map((e) => e.index)).toEqual(methods.map((_, i) => i))
      for (const element of elements) {
        const slice = methodsJson.subarray(element.byteOffset, element.byteOffset + element.byteLength)
        expect(JSON.parse(new TextDecoder().decode(slice))).toEqual(element.value)
      }
    }
  )

  it('handles quotes and backslashes that straddle chunk boundaries', () => {
    const records = [{ a: 'x\\"y' }, { b: '\\\\' }, { c: '"]}[{,' }, 'plain', 12, -3.5e2, true, null]
    for (const chunkBytes of [1, 2, 3]) {
      expect(split(encoder.encode(JSON.stringify(records)), chunkBytes).map((e) => e.value)).toEqual(records)
    }
  })

  it('accepts an empty array and a byte order mark', () => {
    expect(split(encoder.encode(' [ ] \n'), 1)).toEqual([])
    expect(split(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('[{"a":1}]')]), 1)).toHaveLength(1)
  })

  it('refuses a top-level object', () => {
    const error = splitError(encoder.encode('{"paper_url": "x"}'))
    expect(error.problem).toBe('not-an-array')
    expect(error.message).toContain('an object')
    expect(error.recordIndex).toBeNull()
  })

  it('names the record and its offset when JSON breaks mid-stream', () => {
    const text = JSON.stringify(methods, null, 2)
    // Break record 17: drop the colon after its first key.
    const start = split(methodsJson, 1 << 20)[17].byteOffset
    const colon = text.indexOf(':', start)
    const broken = encoder.encode(text.slice(0, colon) + text.slice(colon + 1))
    const error = splitError(broken, 999)
    expect(error.problem).toBe('invalid-json')
    expect(error.recordIndex).toBe(17)
    expect(error.byteOffset).toBe(start)
  })

  it('names the record when a separator is wrong between records', () => {
    const error = splitError(encoder.encode('[{"a":1},{"b":2} {"c":3}]'))
    expect(error.problem).toBe('invalid-json')
    expect(error.recordIndex).toBe(2)
    expect(error.byteOffset).toBe(17)
  })

  it('reports input that ends inside a record or before the closing bracket', () => {
    const cut = splitError(methodsJson.subarray(0, Math.floor(methodsJson.length / 2)))
    expect(cut.problem).toBe('truncated')
    expect(cut.recordIndex).toBeGreaterThan(0)
    const unclosed = splitError(encoder.encode('[{"a":1},{"b":2}'))
    expect(unclosed.problem).toBe('truncated')
    expect(unclosed.message).toContain('after 2 records')
    expect(splitError(new Uint8Array()).problem).toBe('empty-input')
  })

  it('stops at a record over the size cap without buffering the rest', () => {
    const error = splitError(encoder.encode(`[{"a":1},{"huge":"${'x'.repeat(10_000)}"}]`), 512, 4096)
    expect(error.problem).toBe('record-too-large')
    expect(error.recordIndex).toBe(1)
  })

  it('refuses bytes after the closing bracket', () => {
    const error = splitError(encoder.encode('[{"a":1}] [{"b":2}]'))
    expect(error.problem).toBe('trailing-data')
  })
})

describe('readDumpRecords', () => {
  it('reads a real gzip dump (recognised by magic bytes) and the same JSON uncompressed', async () => {
    const fromGzip = await readAll(readDumpFile(realFilePath(REAL_FILES.methods)))
    expect(fromGzip).toHaveLength(1924)
    const plain = gunzipSync(realFileBytes(REAL_FILES.methods))
    const fromPlain = await readAll(memorySource('methods.json', new Uint8Array(plain)).open())
    expect(fromPlain.map((e) => e.value)).toEqual(fromGzip.map((e) => e.value))
  })

  it('reports a truncated gzip file at the record it was reading', async () => {
    const bytes = realFileBytes(REAL_FILES.methods)
    const error = await readError(memorySource('x.json.gz', bytes.subarray(0, bytes.length >> 1)).open())
    expect(error.problem).toBe('corrupt-compression')
    expect(error.recordIndex).toBeGreaterThan(100)
    expect(error.recordIndex).toBeLessThan(1924)
  })

  it('reports a gzip file that holds no array', async () => {
    const error = await readError(memorySource('x.json.gz', new Uint8Array(gzipSync(''))).open())
    expect(error.problem).toBe('empty-input')
  })
})
