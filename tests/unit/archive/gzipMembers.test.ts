/**
 * gzip input as the app and the CLI read it: every member of a multi-member file, on Node's
 * decoder and on one that behaves like Chromium's; and a corrupt or truncated file reported at
 * the record its data reaches, however slowly the records are consumed (#13).
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DumpFormatError } from '../../../src/shared/archive/dumpErrors'
import { readDumpRecords } from '../../../src/shared/archive/dumpRecordReader'
import { JsonArraySplitter } from '../../../src/shared/archive/jsonArraySplitter'
import { ChromiumDecompressionStream } from './chromiumDecompression'
import { REAL_FILES, memorySource, realRecords } from './archiveFixtures'

const methods = realRecords(REAL_FILES.methods).slice(0, 120)
const json = new TextEncoder().encode(JSON.stringify(methods, null, 2))

/** `json` cut at `cuts` (byte offsets) into separately gzipped members, concatenated. */
function members(bytes: Uint8Array, cuts: number[]): Uint8Array {
  const bounds = [0, ...cuts, bytes.length]
  const parts = bounds.slice(1).map((end, i) => gzipSync(bytes.subarray(bounds[i], end)))
  return new Uint8Array(Buffer.concat(parts))
}

interface ReadOutcome {
  values: unknown[]
  error: DumpFormatError | null
}

async function read(bytes: Uint8Array, chunkBytes: number, slowConsumer = false): Promise<ReadOutcome> {
  const values: unknown[] = []
  try {
    for await (const batch of readDumpRecords(memorySource('x.json.gz', bytes, { chunkBytes }).open())) {
      values.push(...batch.map((element) => element.value))
      // A consumer busy writing, as the importer is, lets the decoder run ahead of it.
      if (slowConsumer) await new Promise((resolve) => setTimeout(resolve, 2))
    }
  } catch (error) {
    if (!(error instanceof DumpFormatError)) throw error
    return { values, error }
  }
  return { values, error: null }
}

/** Where a splitter fed every byte zlib can recover from `gzip` stops: the record to report. */
function recoverablePosition(gzip: Uint8Array): { recordIndex: number | null; byteOffset: number } {
  const recovered = gunzipSync(gzip, { finishFlush: constants.Z_SYNC_FLUSH })
  const splitter = new JsonArraySplitter()
  splitter.push(new Uint8Array(recovered))
  return splitter.position
}

// Node's zlib drops what the failing call decoded (up to one 16 KiB output chunk); Chromium's
// delivers all of it. Either way the position is where the delivered data ends.
const decoders = [
  ['Node', () => undefined, { dropsFailingOutput: true }],
  [
    'Chromium',
    () => vi.stubGlobal('DecompressionStream', ChromiumDecompressionStream),
    { dropsFailingOutput: false }
  ]
] as const

afterEach(() => {
  vi.unstubAllGlobals()
})

describe.each(decoders)('gzip on %s’s DecompressionStream', (_name, install, { dropsFailingOutput }) => {
  it('reads every member of a multi-member file, wherever members and chunks break', async () => {
    install()
    const third = Math.floor(json.length / 3)
    const bytes = members(json, [third, third + 1, 2 * third + 7])
    for (const chunkBytes of [1 << 16, 4093, 517]) {
      const outcome = await read(bytes, chunkBytes)
      expect(outcome.error).toBeNull()
      expect(outcome.values).toEqual(methods)
    }
  })

  it('reads a member boundary that straddles two chunks', async () => {
    install()
    const bytes = members(json, [1000])
    const boundary = gzipSync(json.subarray(0, 1000)).length
    for (const chunkBytes of [boundary - 1, boundary - 2, boundary + 1]) {
      expect((await read(bytes, chunkBytes)).values).toEqual(methods)
    }
  })

  it('refuses bytes after the last member that are no member', async () => {
    install()
    const bytes = new Uint8Array(Buffer.concat([members(json, [5000]), Buffer.from('garbage')]))
    const outcome = await read(bytes, 4096)
    expect(outcome.error?.problem).toBe('corrupt-compression')
    if (dropsFailingOutput) {
      expect(outcome.values).toEqual(methods.slice(0, outcome.error?.recordIndex ?? methods.length))
    } else {
      expect(outcome.values).toEqual(methods)
      expect(outcome.error?.recordIndex).toBeNull()
      expect(outcome.error?.message).toMatch(/after the array's closing/)
    }
  })

  it('reports a truncated file at the record its data reaches, however slowly it is read', async () => {
    install()
    const whole = gzipSync(json)
    const truncated = new Uint8Array(whole.subarray(0, Math.floor(whole.length * 0.7)))
    const recoverable = recoverablePosition(truncated)
    const outcomes = [await read(truncated, 512), await read(truncated, 512, true)]
    for (const { values, error } of outcomes) {
      expect(error?.problem).toBe('corrupt-compression')
      const { recordIndex, byteOffset } = error as DumpFormatError
      expect(error?.message).toContain(
        `record ${recordIndex}, which starts at uncompressed byte ${byteOffset}`
      )
      // Every record before the reported one was delivered, and none after it.
      expect(values).toEqual(methods.slice(0, recordIndex ?? 0))
      // The record the delivered data reached, not hundreds of records earlier.
      if (dropsFailingOutput) {
        expect(recordIndex).toBeLessThanOrEqual(recoverable.recordIndex as number)
        expect(recoverable.byteOffset - byteOffset).toBeLessThan(16 * 1024)
      } else {
        expect({ recordIndex, byteOffset }).toEqual(recoverable)
      }
    }
    const [fast, slow] = outcomes.map(({ error }) => [error?.recordIndex, error?.byteOffset, error?.message])
    expect(slow).toEqual(fast)
  })
})
