/**
 * Schema version 7 (issue #13): strings over 64 K characters move out of their records into
 * `longTexts` (longText.ts); a profile of version 6 holds them whole until it is opened.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openArchiveDatabase } from '../../../src/renderer/data/db'
import { LONG_TEXT_PREVIEW_CHARS } from '../../../src/shared/archive/longText'
import { freshDatabase } from '../archive/archiveFixtures'
import {
  LONG_ADAM,
  LONG_PAPER,
  METHOD_SLICE,
  PAPER,
  methodsFile,
  papersFile,
  run,
  wholeText
} from '../archive/longTextFixtures'
import { SCHEMA_V6 } from './frozenSchemas'

describe('schema version 7', () => {
  it('moves the long texts a version 6 profile holds out of their records, and keeps user data', async () => {
    // A version 6 archive, imported by this code and put back into the shape version 6 stored.
    const source = freshDatabase()
    await run(source, [methodsFile([...METHOD_SLICE, LONG_ADAM]), papersFile([PAPER, LONG_PAPER])])
    const methods = (await source.methods.toArray()).map((m) =>
      m.id === 'adam-long' ? { ...m, description: LONG_ADAM.description, longText: undefined } : m
    )
    const papers = (await source.papers.toArray()).map((p) =>
      p.id === 'a-long-abstract' ? { ...p, abstract: LONG_PAPER.abstract, longText: undefined } : p
    )
    source.close()

    const name = `schema-v6-${Date.now()}`
    const v6 = new Dexie(name)
    v6.version(6).stores(SCHEMA_V6)
    await v6.table('methods').bulkPut(methods)
    await v6.table('papers').bulkPut(papers)
    await v6.table('settings').put({ key: 'theme', value: 'dark' })
    v6.close()

    const db = openArchiveDatabase(name)
    const method = await db.methods.get('adam-long')
    expect(method?.description).toHaveLength(LONG_TEXT_PREVIEW_CHARS)
    expect(await wholeText(db, 'methods', 'adam-long', 'description')).toBe(LONG_ADAM.description)
    expect(await wholeText(db, 'papers', 'a-long-abstract', 'abstract')).toBe(LONG_PAPER.abstract)
    const short = methods.filter((m) => m.id !== 'adam-long')
    expect(await db.methods.bulkGet(short.map((m) => m.id))).toEqual(short)
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' })

    // The upgraded records are what a sync stores: reading the same dump again changes nothing.
    const again = await run(db, [methodsFile([...METHOD_SLICE, LONG_ADAM])], { force: true })
    expect(again.summary.tables.methods).toMatchObject({ added: 0, changed: 0, unchanged: 21 })
    db.close()
  })
})
