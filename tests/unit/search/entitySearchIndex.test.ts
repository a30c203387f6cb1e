import { describe, expect, it } from 'vitest'
import { EntitySearchIndex, type EntitySearchOptions } from '../../../src/shared/search/entitySearchIndex'
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
    for (const query of ['imagenet', 'batch norm', 'semantic seg', 'transformr']) {
      expect(loaded.search(query)).toEqual(index.search(query))
    }
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
