/**
 * A multi-member gzip dump (members concatenated, as `cat a.gz b.gz` or bgzip write them) is read
 * whole by both consumers on the browser's decoder, where it used to be refused by the app and
 * accepted by `inspect` (#13).
 */
// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ChromiumDecompressionStream } from './chromiumDecompression'
import { REAL_FILES, freshDatabase, realRecords } from './archiveFixtures'
import { importOutcome, inspectOutcome, removeScratchFiles } from './fuzz/readerOutcomes'

const methods = realRecords(REAL_FILES.methods).slice(0, 200)

function twoMembers(): Uint8Array {
  const json = Buffer.from(JSON.stringify(methods, null, 2))
  const cut = Math.floor(json.length / 2)
  return new Uint8Array(Buffer.concat([gzipSync(json.subarray(0, cut)), gzipSync(json.subarray(cut))]))
}

afterEach(() => {
  vi.unstubAllGlobals()
})
afterAll(removeScratchFiles)

describe('a multi-member gzip dump', () => {
  it.each(['Node', 'Chromium'])(
    'is read whole by inspect and the engine on %s’s decoder',
    async (decoder) => {
      if (decoder === 'Chromium') vi.stubGlobal('DecompressionStream', ChromiumDecompressionStream)
      const bytes = twoMembers()
      const whole = { accepted: true, records: methods.length, error: null }
      expect(await inspectOutcome(REAL_FILES.methods, bytes)).toEqual(whole)
      const db = freshDatabase()
      expect(await importOutcome(db, REAL_FILES.methods, bytes, 4096)).toEqual(whole)
      expect(await db.methods.count()).toBe(methods.length)
      db.close()
    }
  )
})
