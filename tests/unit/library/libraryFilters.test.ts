import { describe, expect, it } from 'vitest'
import {
  entryMatchesText,
  filterEntries,
  queryEntries,
  searchTerms,
  sortEntries
} from '../../../src/shared/library/libraryFilters'
import { countTags, mergeTags, normalizeTags } from '../../../src/shared/library/libraryTags'
import { READING_STATUSES, type ListEntry } from '../../../src/shared/library/libraryTypes'
import { NON_ASCII_PAPER, VENUE_ARXIV_ID, entryFor, samplePapers, venuePaper } from './libraryFixtures'

/** All 50 sample papers plus one venue paper without a date, with statuses and tags in rotation. */
function library(): ListEntry[] {
  const entries = samplePapers().map((paper, index) =>
    entryFor(paper, index % 2 === 0 ? 'physics' : 'inbox', {
      addedAt: `2025-0${1 + (index % 6)}-${String(10 + (index % 18)).padStart(2, '0')}T08:00:00.000Z`,
      status: READING_STATUSES[index % 3],
      tags: index % 5 === 0 ? ['Classic', 'to cite'] : index % 5 === 1 ? ['classic'] : [],
      note: paper.id === NON_ASCII_PAPER ? 'Field trials in **México**; see Table 4.' : ''
    })
  )
  const venue = venuePaper(VENUE_ARXIV_ID)
  entries.push(
    entryFor(venue.paper, 'inbox', { addedAt: '2025-06-30T08:00:00.000Z', tags: ['Transformers'] })
  )
  return entries
}

const titles = (entries: readonly ListEntry[]): string[] => entries.map((entry) => entry.snapshot.title)

describe('filtering the library', () => {
  it('filters by list, status, tags (all of them, any case) and added date', () => {
    const entries = library()
    expect(filterEntries(entries, { listId: 'physics' })).toHaveLength(25)
    expect(filterEntries(entries, { statuses: ['read'] }).every((entry) => entry.status === 'read')).toBe(
      true
    )
    expect(filterEntries(entries, { statuses: [] })).toHaveLength(entries.length)
    expect(filterEntries(entries, { tags: ['CLASSIC'] })).toHaveLength(20)
    expect(filterEntries(entries, { tags: ['classic', ' To  Cite '] })).toHaveLength(10)
    const march = filterEntries(entries, { addedFrom: '2025-03', addedTo: '2025-03' })
    expect(march.length).toBeGreaterThan(0)
    expect(march.every((entry) => entry.addedAt.startsWith('2025-03'))).toBe(true)
    const fromMay = filterEntries(entries, { addedFrom: '2025-05-01' })
    expect(fromMay.every((entry) => entry.addedAt >= '2025-05-01')).toBe(true)
    expect(fromMay.map((entry) => entry.paperId)).toContain('attention-is-all-you-need')
  })

  it('searches titles, authors, tags and notes, ignoring case and accents', () => {
    const entries = library()
    // "Torbjorn Sjostrand" in the data; "Iván" and "México" with accents.
    expect(titles(filterEntries(entries, { text: 'sjostrand' }))).toEqual([
      'PYTHIA 5.7 and JETSET 7.4 Physics and Manual'
    ])
    expect(filterEntries(entries, { text: 'IVAN ortiz' }).map((entry) => entry.paperId)).toEqual([
      NON_ASCII_PAPER
    ])
    expect(filterEntries(entries, { text: 'mexico table' }).map((entry) => entry.paperId)).toEqual([
      NON_ASCII_PAPER
    ])
    expect(filterEntries(entries, { text: 'transformers' }).map((entry) => entry.paperId)).toEqual([
      'attention-is-all-you-need'
    ])
    expect(filterEntries(entries, { text: '1706.03762' })).toHaveLength(1)
    // A quoted phrase must occur whole: "monte carlo" is in three titles.
    expect(titles(filterEntries(entries, { text: '"monte carlo"' })).sort()).toEqual(
      [
        'HIJING 1.0: A Monte Carlo Program for Parton and Particle Production in High Energy Hadronic and Nuclear Collisions',
        'Multi-Spin Coding of the Monte Carlo Simulation of the Three-State Random Potts Model and the Block-Spin Transformation',
        'Weight optimization in multichannel Monte Carlo'
      ].sort()
    )
    expect(filterEntries(entries, { text: '"carlo monte"' })).toEqual([])
    expect(entryMatchesText(entries[0], '   ')).toBe(true)
    expect(searchTerms(' "Monte  Carlo" Ortiz‐Monasterio ')).toEqual(['monte carlo', 'ortiz‐monasterio'])
  })

  it('combines filters with a sort, as a library view asks', () => {
    const result = queryEntries(
      library(),
      { listId: 'inbox', tags: ['classic'] },
      { key: 'date', direction: 'asc' }
    )
    expect(result.length).toBeGreaterThan(0)
    expect(result.every((entry) => entry.listId === 'inbox')).toBe(true)
    const dates = result.map((entry) => entry.snapshot.date ?? '')
    expect([...dates].sort()).toEqual(dates)
  })
})

describe('sorting the library', () => {
  it('sorts by title ignoring case, with numbers in numeric order', () => {
    const sorted = titles(sortEntries(library(), { key: 'title', direction: 'asc' }))
    expect(sorted[0]).toBe('A Line of Sight Approach to Cosmic Microwave Background Anisotropies')
    expect(
      sorted.indexOf('GRAVITATIONAL LENSING EFFECT ON COSMIC MICROWAVE BACKGROUND ANISOTROPIES')
    ).toBeLessThan(sorted.indexOf('HIGGS BOSON PRODUCTION AT THE LHC'))
    expect(sortEntries(library(), { key: 'title', direction: 'desc' })[0].snapshot.title).toBe(
      'Zero Frequency Current Noise for the Double Tunnel Junction Coulomb Blockade'
    )
  })

  it('puts papers without a date last in both directions', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortEntries(library(), { key: 'date', direction })
      expect(sorted.at(-1)?.paperId).toBe('attention-is-all-you-need')
    }
    expect(sortEntries(library(), { key: 'date', direction: 'desc' })[0].snapshot.date).toBe('1996-03-08')
    expect(sortEntries(library(), { key: 'date', direction: 'asc' })[0].snapshot.date).toBe('1982-01-15')
  })

  it('sorts by status and by date added, ties broken by ids so the order never flickers', () => {
    const byStatus = sortEntries(library(), { key: 'status', direction: 'asc' })
    expect(byStatus.map((entry) => READING_STATUSES.indexOf(entry.status))).toEqual(
      [...byStatus.map((entry) => READING_STATUSES.indexOf(entry.status))].sort()
    )
    const again = sortEntries([...library()].reverse(), { key: 'status', direction: 'asc' })
    expect(again.map((entry) => entry.paperId)).toEqual(byStatus.map((entry) => entry.paperId))
    const newest = sortEntries(library(), { key: 'addedAt', direction: 'desc' })
    expect(newest[0].addedAt).toBe('2025-06-30T08:00:00.000Z')
  })
})

describe('tags', () => {
  it('keeps the first spelling, drops blanks and case duplicates, and counts use', () => {
    expect(normalizeTags(['GANs', ' gans ', '', 'to  read'])).toEqual(['GANs', 'to read'])
    expect(mergeTags(['susy', 'colliders'], ['SUSY', 'higgs'])).toEqual(['susy', 'colliders', 'higgs'])
    expect(countTags(library())).toEqual([
      { tag: 'Classic', count: 20 },
      { tag: 'to cite', count: 10 },
      { tag: 'Transformers', count: 1 }
    ])
  })
})
