/**
 * Issue #13: the sync stores a long text apart from its record (longText.ts), so opening its page
 * never deserializes 20 MB on the UI thread. Schema 7's upgrade: tests/unit/library/longTextUpgrade.test.ts.
 */
import 'fake-indexeddb/auto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runInspect } from '../../../src/main/cli/inspectCommand'
import type { ArchiveSnapshotMeta } from '../../../src/shared/archive/entities'
import { LONG_TEXT_PREVIEW_CHARS } from '../../../src/shared/archive/longText'
import { freshDatabase } from './archiveFixtures'
import {
  LONG_ADAM,
  LONG_PAPER,
  METHOD_SLICE,
  PAPER,
  longAdam,
  methodsFile,
  papersFile,
  run,
  wholeText,
  type Raw
} from './longTextFixtures'

const scratch = mkdtempSync(join(tmpdir(), 'pwc-long-text-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function inspectLongTexts(name: string, records: Raw[]) {
  const path = join(scratch, name)
  writeFileSync(path, JSON.stringify(records))
  const lines: string[] = []
  await runInspect([path], (line) => lines.push(line))
  return (JSON.parse(lines.join('\n')) as { longTexts: { fields: number; chunks: number } }).longTexts
}

describe('the sync stores long texts apart', () => {
  it('keeps a preview in the record and the whole text in chunks, as the CLI says', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile([...METHOD_SLICE, LONG_ADAM]), papersFile([PAPER, LONG_PAPER])])

    const method = await db.methods.get('adam-long')
    expect(method?.description).toHaveLength(LONG_TEXT_PREVIEW_CHARS)
    expect(method?.longText?.description.length).toBe(String(LONG_ADAM.description).length)
    expect(await wholeText(db, 'methods', 'adam-long', 'description')).toBe(LONG_ADAM.description)
    expect(await wholeText(db, 'papers', 'a-long-abstract', 'abstract')).toBe(LONG_PAPER.abstract)
    // Every other record holds its text whole.
    for (const other of await db.methods.where('id').notEqual('adam-long').toArray())
      expect(other.longText).toBeUndefined()

    const cli = await inspectLongTexts('methods.json', [...METHOD_SLICE, LONG_ADAM])
    const stored = await db.longTexts.filter((chunk) => chunk.table === 'methods').count()
    expect(cli).toMatchObject({ fields: 1, chunks: stored })
    expect(stored).toBe(method?.longText?.description.chunks)
  })

  it('writes nothing when an unchanged dump is read again', async () => {
    const db = freshDatabase()
    const files = () => [methodsFile([...METHOD_SLICE, LONG_ADAM]), papersFile([PAPER, LONG_PAPER])]
    await run(db, files())
    const first = (await db.syncMeta.get('archive')) as ArchiveSnapshotMeta
    const chunks = await db.longTexts.toArray()

    const again = await run(db, files(), { force: true })
    expect(again.summary.tables.methods).toMatchObject({ added: 0, changed: 0, unchanged: 21 })
    expect(again.summary.tables.papers).toMatchObject({ added: 0, changed: 0, unchanged: 2 })
    expect(((await db.syncMeta.get('archive')) as ArchiveSnapshotMeta).changedAt).toBe(first.changedAt)
    expect(await db.longTexts.toArray()).toEqual(chunks)
  })

  it('rewrites the chunks of a changed text and drops those it no longer needs', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile([LONG_ADAM])])
    const before = await db.longTexts.count()

    const shorter = longAdam(100_000, 'edited')
    const result = await run(db, [methodsFile([shorter])])
    expect(result.summary.tables.methods).toMatchObject({ changed: 1 })
    expect(await wholeText(db, 'methods', 'adam-long', 'description')).toBe(shorter.description)
    expect(await db.longTexts.count()).toBe((await db.methods.get('adam-long'))?.longText?.description.chunks)
    expect(await db.longTexts.count()).toBeLessThan(before)

    await run(db, [methodsFile([{ ...shorter, description: 'Short again.' }])])
    expect((await db.methods.get('adam-long'))?.longText).toBeUndefined()
    expect(await db.longTexts.count()).toBe(0)
  })

  it('removes the chunks of records a replace removes', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile([...METHOD_SLICE, LONG_ADAM]), papersFile([PAPER, LONG_PAPER])])
    expect(await db.longTexts.count()).toBeGreaterThan(0)

    await run(db, [methodsFile(METHOD_SLICE), papersFile([PAPER])], { replaceKinds: 'all' })
    expect(await db.methods.get('adam-long')).toBeUndefined()
    expect(await db.papers.get('a-long-abstract')).toBeUndefined()
    expect(await db.longTexts.count()).toBe(0)
  })
})
