/**
 * Issue #13: a string field over the threshold is stored apart in chunks, its record keeping a
 * preview and a marker (longText.ts). The records here are real ones (Adam's description, a real
 * paper's abstract) made long by repetition, as a crafted dump would.
 */
import { describe, expect, it } from 'vitest'
import type { MethodRecord, PaperRecord } from '../../../src/shared/archive/entities'
import {
  LONG_TEXT_CHUNK_CHARS,
  LONG_TEXT_PREVIEW_CHARS,
  LONG_TEXT_THRESHOLD,
  joinLongTexts,
  longTextChunkCount,
  longTextChunks,
  longTextWrites,
  orphanedChunkKeys,
  splitLongTexts
} from '../../../src/shared/archive/longText'
import { normalizeMethodRecord } from '../../../src/shared/archive/normalizeMethods'
import { PREVIEW_CHARS } from '../../../src/shared/text/textPieces'
import { REAL_FILES, realRecords } from './archiveFixtures'

function realAdam(): MethodRecord {
  const raw = realRecords(REAL_FILES.methods).find((r) => r.url === 'https://paperswithcode.com/method/adam')
  return normalizeMethodRecord(raw)
}

function repeated(text: string, chars: number): string {
  return `${text}\n\n`.repeat(Math.ceil(chars / (text.length + 2)))
}

describe('long archive texts', () => {
  const adam = realAdam()
  const long = { ...adam, description: repeated(adam.description ?? '', 300_000) }

  it('leaves real records as they are', () => {
    for (const raw of realRecords(REAL_FILES.methods)) {
      const method = normalizeMethodRecord(raw)
      const split = splitLongTexts('methods', method)
      expect(split.record).toBe(method)
      expect(split.texts.size).toBe(0)
    }
  })

  it('keeps a preview and a marker in the record, and round-trips through its chunks', () => {
    const split = splitLongTexts('methods', long)
    expect(split.record.description).toBe(long.description.slice(0, LONG_TEXT_PREVIEW_CHARS))
    // The first rendered piece must be cut as it would be in the whole text: it needs to see past it.
    expect(LONG_TEXT_PREVIEW_CHARS).toBeGreaterThan(PREVIEW_CHARS)
    const chunks = longTextChunks('methods', long.id, 'description', long.description)
    expect(split.record.longText).toEqual({
      description: { length: long.description.length, chunks: chunks.length, hash: expect.any(String) }
    })
    expect(chunks.length).toBe(Math.ceil(long.description.length / LONG_TEXT_CHUNK_CHARS))
    expect(chunks.every((chunk) => chunk.text.length <= LONG_TEXT_CHUNK_CHARS)).toBe(true)
    const texts = new Map([['description', chunks.map((chunk) => chunk.text).join('')]])
    expect(joinLongTexts(split.record, texts)).toEqual(long)
    // Everything else stays in the record.
    expect({ ...split.record, description: null, longText: undefined }).toEqual({
      ...adam,
      description: null
    })
  })

  it('moves only strings over the threshold, never ids or the fields indexes and joins use', () => {
    const atThreshold = { ...adam, description: 'x'.repeat(LONG_TEXT_THRESHOLD) }
    expect(splitLongTexts('methods', atThreshold).texts.size).toBe(0)
    const huge = 'y'.repeat(LONG_TEXT_THRESHOLD + 1)
    const paper = {
      id: 'p',
      arxivId: huge,
      titleKey: huge,
      title: huge,
      abstract: huge
    } as unknown as PaperRecord
    expect([...splitLongTexts('papers', paper).texts.keys()].sort()).toEqual(['abstract', 'title'])
  })

  it('never cuts a surrogate pair in two', () => {
    const emoji = '😀'.repeat(LONG_TEXT_CHUNK_CHARS)
    const record = { ...adam, description: emoji }
    const split = splitLongTexts('methods', record)
    const chunks = longTextChunks('methods', adam.id, 'description', emoji)
    for (const text of [split.record.description ?? '', ...chunks.map((chunk) => chunk.text)]) {
      expect(text.length % 2).toBe(0)
      expect(text).toBe('😀'.repeat(text.length / 2))
    }
    expect(longTextChunkCount(emoji)).toBe(chunks.length)
  })

  it('writes chunks only for a changed text and deletes the chunks a record no longer has', () => {
    const stored = splitLongTexts('methods', long).record
    expect(longTextWrites('methods', stored, splitLongTexts('methods', long))).toEqual({
      put: [],
      delete: []
    })

    const edited = splitLongTexts('methods', { ...long, description: long.description + 'more' })
    expect(longTextWrites('methods', stored, edited).put.map((chunk) => chunk.chunk)).toEqual([
      ...Array(stored.longText?.description.chunks).keys()
    ])

    const shorter = splitLongTexts('methods', { ...long, description: long.description.slice(0, 100_000) })
    const writes = longTextWrites('methods', stored, shorter)
    expect(writes.put).toHaveLength(2)
    expect(writes.delete).toEqual([2, 3, 4].map((chunk) => ['methods', adam.id, 'description', chunk]))

    const short = splitLongTexts('methods', adam)
    expect(longTextWrites('methods', stored, short).delete).toHaveLength(5)
  })

  it('finds the chunks no stored record counts', () => {
    const keys = [0, 1, 2].map((chunk) => ['methods', 'adam', 'description', chunk] as const)
    const marker = { description: { length: 1, chunks: 2, hash: '' } }
    expect(
      orphanedChunkKeys(
        [...keys].map((key) => [...key]),
        () => marker
      )
    ).toEqual([['methods', 'adam', 'description', 2]])
    expect(
      orphanedChunkKeys(
        [...keys].map((key) => [...key]),
        () => undefined
      )
    ).toHaveLength(3)
  })
})
