import { describe, expect, it } from 'vitest'
import {
  applyIndexUpdate,
  decodeFingerprints,
  documentFingerprint,
  encodeFingerprints,
  IndexUpdatePlanner,
  type IndexUpdatePlan
} from '../../../src/shared/search/indexUpdate'
import { NO_CODE } from '../../../src/shared/search/codeFacts'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import type { PaperSearchResponse } from '../../../src/shared/search/paperSearchResponse'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { realAbstractPapers, realLeaderboardPapers } from './realSearchFixtures'

const before = [...realAbstractPapers(), ...realLeaderboardPapers()]

/** The plan the app's store makes as it streams papers through the planner. */
function planIndexUpdate(
  previous: ReadonlyMap<string, number>,
  papers: readonly SearchablePaper[]
): IndexUpdatePlan {
  const planner = new IndexUpdatePlanner(previous)
  for (const paper of papers) planner.add(paper)
  return planner.finish()
}

function fingerprintAll(papers: readonly SearchablePaper[]): Map<string, number> {
  return new Map(papers.map((paper) => [paper.id, documentFingerprint(paper)]))
}

/** `before` after a sync: one paper retitled, one gained code, two gone, one new. */
function afterSync(): { papers: SearchablePaper[]; retitled: string; gainedCode: string; gone: string[] } {
  const [retitled, gainedCode, goneA, goneB] = [before[3], before[60], before[7], before[80]]
  const papers = before
    .filter((paper) => paper !== goneA && paper !== goneB)
    .map((paper) => {
      if (paper === retitled) return { ...paper, title: 'Quenching Instead of Annealing' }
      if (paper === gainedCode) return { ...paper, hasCode: true, frameworks: ['jax'] }
      return paper
    })
  papers.push({ ...before[5], id: 'a-new-paper', title: 'Zeolite Lattices Under Pressure' })
  return { papers, retitled: retitled.id, gainedCode: gainedCode.id, gone: [goneA.id, goneB.id] }
}

function ranked(response: PaperSearchResponse): unknown {
  return {
    total: response.total,
    // Equal scores may come in another order from other segments: compare them as a set.
    hits: response.hits.map((hit) => `${hit.id} ${hit.score.toFixed(9)}`).sort(),
    facets: response.facets
  }
}

describe('updating the paper index after a sync', () => {
  it('fingerprints every indexed field but the code facts, which are set on the columns', () => {
    const paper = before[0]
    const base = documentFingerprint(paper)
    expect(documentFingerprint({ ...paper })).toBe(base)
    for (const change of [
      { title: `${paper.title}.` },
      { abstract: '' },
      { authors: [...paper.authors].reverse().concat('Someone Else') },
      { year: 1901 },
      { models: ['ResNet-50'] }
    ])
      expect(documentFingerprint({ ...paper, ...change })).not.toBe(base)
    // Links come after papers in a sync: code facts are reconciled with the links directly.
    for (const change of [
      { hasCode: !paper.hasCode },
      { hasOfficialCode: true },
      { frameworks: ['pytorch'] }
    ])
      expect(documentFingerprint({ ...paper, ...change })).toBe(base)
  })

  it('plans exactly the new, changed and removed papers', () => {
    const { papers, retitled, gainedCode, gone } = afterSync()
    const plan = planIndexUpdate(fingerprintAll(before), papers)
    expect(plan.changed.map((paper) => paper.id).sort()).toEqual([retitled, 'a-new-paper'].sort())
    expect(plan.fingerprints.get(gainedCode)).toBe(fingerprintAll(before).get(gainedCode))
    expect(plan.removed.sort()).toEqual([...gone].sort())
    expect(plan.fingerprints.size).toBe(papers.length)
    expect(plan.rebuildCheaper).toBe(false)
  })

  it('asks for a full build when most papers changed', () => {
    const plan = planIndexUpdate(
      fingerprintAll(before),
      before.map((paper) => ({ ...paper, venue: 'Renamed' }))
    )
    // Past the threshold the planner stops keeping changed papers: the caller builds afresh.
    expect(plan.rebuildCheaper).toBe(true)
    expect(plan.changed).toEqual([])
    expect(plan.fingerprints.size).toBe(before.length)
  })

  it('gives the same answers as a fresh build of the new papers', () => {
    const { papers } = afterSync()
    const updated = PaperSearchIndex.build(before, { maxSegmentDocs: 40 })
    applyIndexUpdate(updated, planIndexUpdate(fingerprintAll(before), papers))
    const code = new Map(papers.map((paper) => [paper.id, paper]))
    const keys = updated.segments().map((entry) => entry.key)
    // Only the segment holding the paper that gained code is replaced.
    expect(updated.applyCodeFacts((id) => code.get(id) ?? NO_CODE)).toBe(1)
    expect(updated.segments().filter((entry) => !keys.includes(entry.key))).toHaveLength(1)
    expect(updated.applyCodeFacts((id) => code.get(id) ?? NO_CODE)).toBe(0)
    const fresh = PaperSearchIndex.build(papers, { maxSegmentDocs: 40 })
    expect(updated.documentCount).toBe(papers.length)
    for (const query of [
      'quenching ',
      'annealing ',
      'zeolite ',
      'framework:jax',
      'has:code',
      'quantum ',
      'official:yes'
    ]) {
      expect(ranked(updated.search(query, { limit: 200 }))).toEqual(
        ranked(fresh.search(query, { limit: 200 }))
      )
    }
  })

  it('stores fingerprints as text and reads them back', () => {
    const fingerprints = fingerprintAll(before)
    expect(decodeFingerprints(encodeFingerprints(fingerprints))).toEqual(fingerprints)
    expect(decodeFingerprints(encodeFingerprints(new Map()))).toEqual(new Map())
  })
})
