import { describe, expect, it } from 'vitest'
import {
  EntitySearchIndex,
  tokenizeName,
  type EntitySearchOptions
} from '../../../src/shared/search/entitySearchIndex'
import { realEntities } from './realSearchFixtures'

const entities = realEntities()
const index = EntitySearchIndex.build(entities)
const first = (query: string, kinds?: EntitySearchOptions['kinds']): string => {
  const hit = index.search(query, { kinds, limit: 1 })[0]
  return hit === undefined ? '' : `${hit.kind}:${hit.name}`
}

describe('entity search for the command palette (real methods, datasets, tasks, leaderboards)', () => {
  it('indexes every kind', () => {
    expect(index.documentCount).toBe(entities.length)
    for (const kind of ['method', 'dataset', 'task', 'leaderboard'] as const) {
      expect(entities.some((entity) => entity.kind === kind)).toBe(true)
    }
  })

  it.each([
    ['imagenet', 'dataset:ImageNet'],
    ['coco', 'dataset:COCO'],
    ['resnet', 'method:ResNet'],
    ['BERT', 'method:BERT'],
    ['batch norm', 'method:Batch Normalization']
  ])('puts the thing named %s first', (query, expected) => {
    expect(first(query)).toBe(expected)
  })

  it('filters by kind', () => {
    expect(first('semantic seg', ['task'])).toBe('task:Semantic Segmentation')
    const hits = index.search('imagenet', { kinds: ['leaderboard'], limit: 50 })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((hit) => hit.kind === 'leaderboard' && /imagenet/i.test(hit.name))).toBe(true)
  })

  it('finds a name through a typo', () => {
    expect(index.search('normalizaton', { limit: 10 }).map((hit) => hit.name)).toContain(
      'Batch Normalization'
    )
  })

  it('suggests completions of what is typed', () => {
    expect(index.suggest('semantic seg')[0].suggestion).toBe('semantic segmentation')
  })

  it('round-trips through its serialized form', () => {
    const loaded = EntitySearchIndex.deserialize(index.serialize())
    expect(loaded).not.toBeNull()
    for (const query of ['imagenet', 'batch norm', 'semantic seg', 'transformr', 'squad1.1']) {
      expect(loaded?.search(query)).toEqual(index.search(query))
    }
  })

  it('refuses an index stored before names were cut at letter-digit boundaries', () => {
    const small = EntitySearchIndex.build(entities.filter((entity) => entity.kind === 'leaderboard'))
    // What earlier versions stored: MiniSearch's own JSON, with "squad1" as one term.
    const stored = JSON.stringify(JSON.parse(small.serialize()).miniSearch)
    expect(EntitySearchIndex.deserialize(stored)).toBeNull()
  })

  it('cuts names where letters meet digits, so "SQuAD1.1" and "WMT2014" hold the words typed', () => {
    expect(tokenizeName('Question Answering on SQuAD1.1')).toEqual([
      'Question',
      'Answering',
      'on',
      'SQuAD',
      '1',
      '1'
    ])
    expect(tokenizeName('WMT2014 English-German')).toEqual(['WMT', '2014', 'English', 'German'])
    expect(first('wmt2014', ['dataset'])).toBe('dataset:WMT 2014')
    expect(first('squad1.1')).toBe('leaderboard:Question Answering on SQuAD1.1')
  })

  it('gives no kind more than half the slots while others have matches', () => {
    const hits = index.search('imagenet', { limit: 8 })
    expect(hits[0].name).toBe('ImageNet')
    expect(hits.filter((hit) => hit.kind === 'dataset')).toHaveLength(4)
    expect(hits.filter((hit) => hit.kind === 'leaderboard')).toHaveLength(4)
    // Slots no other kind can fill go back to the best remaining hits: one dataset is named ADAM.
    const adam = index.search('adam', { limit: 8 })
    expect(adam.map((hit) => hit.kind).sort()).toEqual(['dataset', ...Array<string>(7).fill('method')])
    // With one kind asked for, it takes every slot.
    expect(index.search('imagenet', { kinds: ['dataset'], limit: 8 })).toHaveLength(8)
  })

  it('replaces and removes entities', () => {
    const small = EntitySearchIndex.build(entities.filter((entity) => entity.kind === 'method'))
    const adam = entities.find((entity) => entity.kind === 'method' && entity.name === 'Adam')
    expect(adam).toBeDefined()
    if (adam === undefined) return
    small.add({ ...adam, name: 'AdamW Renamed' })
    expect(small.search('renamed').map((hit) => hit.id)).toEqual([adam.id])
    expect(small.remove('method', adam.id)).toBe(true)
    expect(small.search('renamed')).toEqual([])
    expect(small.remove('method', adam.id)).toBe(false)
  })
})
