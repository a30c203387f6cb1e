/** Saving a note when storage is full: a clear, typed refusal, and nothing the user had is lost. */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openArchiveDatabase } from '../../../src/renderer/data/db'
import { DEFAULT_LIST_ID, toggleBookmark, updateEntry } from '../../../src/renderer/library/libraryActions'
import { StorageFullError } from '../../../src/shared/storage/storageFull'
import { ARXIV_PAPER, samplePaper } from '../library/libraryFixtures'
import { installQuotaSwitch } from './quotaMiddleware'

describe('saving a note when storage is full', () => {
  it('refuses with the note’s size, keeps the saved note, and saves on retry once space is freed', async () => {
    const db = openArchiveDatabase(`note-saving-${process.pid}`)
    const quota = installQuotaSwitch(db, ['listEntries'])
    const paper = samplePaper(ARXIV_PAPER)
    await db.papers.put(paper)
    await toggleBookmark(db, paper)
    const key: [string, string] = [DEFAULT_LIST_ID, paper.id]
    await updateEntry(db, key, { note: 'First reading: the **tokenizer** matters.' })

    quota.fill()
    const note = 'Ablation in §4 — the “small” model beats the base one on 3/5 tasks.'
    const refused = updateEntry(db, key, { note, status: 'read' })
    await expect(refused).rejects.toBeInstanceOf(StorageFullError)
    // UTF-8 bytes, not characters: §, — and the curly quotes take more than one.
    await expect(refused).rejects.toMatchObject({ bytesNeeded: new TextEncoder().encode(note).length })
    expect(await db.listEntries.get(key)).toMatchObject({
      note: 'First reading: the **tokenizer** matters.',
      status: 'to-read'
    })

    quota.free()
    await updateEntry(db, key, { note, status: 'read' })
    expect(await db.listEntries.get(key)).toMatchObject({ note, status: 'read' })
    db.close()
    await Dexie.delete(db.name)
  })

  it('passes other failures through unchanged', async () => {
    const db = openArchiveDatabase(`note-saving-other-${process.pid}`)
    await db.open()
    db.close()
    await expect(updateEntry(db, [DEFAULT_LIST_ID, 'x'], { note: 'n' })).rejects.toMatchObject({
      name: 'DatabaseClosedError'
    })
    await Dexie.delete(db.name)
  })
})
