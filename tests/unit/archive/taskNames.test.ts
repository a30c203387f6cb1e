import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { TaskRecord } from '../../../src/shared/archive/entities'
import { loadTaskNames } from '../../../src/renderer/data/queries/taskQueries'
import { freshDatabase } from './archiveFixtures'

const task = (id: string, name: string): TaskRecord => ({
  id,
  name,
  description: 'A long description the filter never shows.',
  areas: [],
  parentId: null,
  otherParentIds: [],
  synonyms: [],
  sourceLink: null
})

describe('loadTaskNames (the /papers task filter)', () => {
  it('lists every task by name, without its description', async () => {
    const db = freshDatabase()
    await db.tasks.bulkPut([
      task('b', 'image classification'),
      task('a', 'Zero-Shot Learning'),
      task('c', 'Atari Games')
    ])
    expect(await loadTaskNames(db)).toEqual([
      { id: 'c', name: 'Atari Games' },
      { id: 'b', name: 'image classification' },
      { id: 'a', name: 'Zero-Shot Learning' }
    ])
  })

  it('reads the tasks again when their number or the archive changes, not otherwise', async () => {
    const db = freshDatabase()
    await db.tasks.put(task('a', 'Atari Games'))
    const first = await loadTaskNames(db)
    expect(await loadTaskNames(db)).toBe(first)
    await db.tasks.put(task('b', 'Object Detection'))
    expect((await loadTaskNames(db)).map((t) => t.name)).toEqual(['Atari Games', 'Object Detection'])
    await db.tasks.put(task('b', 'Object Detection (renamed)'))
    await db.syncMeta.put({ key: 'archive', changedAt: '2026-12-04T00:00:00Z' } as never)
    expect((await loadTaskNames(db)).map((t) => t.name)).toEqual([
      'Atari Games',
      'Object Detection (renamed)'
    ])
  })
})
