/**
 * Runs the engine's hot paths on a tiny throwaway index so the JIT has compiled them before
 * the first real query.
 *
 * Cold, the first query over the full archive runs its posting loops in V8's interpreter: ~0.5 s
 * of the 2 s cold-start budget at 576k papers. The worker calls this while it waits for the
 * index chunks to arrive from IndexedDB (I/O the thread would otherwise idle through).
 */
import { PaperSearchIndex } from './paperSearchIndex'
import type { SearchablePaper } from './searchDocuments'

// Ordinary words in no particular order: only the code paths matter, not what is found.
const WORDS = [
  'learning',
  'network',
  'graph',
  'model',
  'image',
  'segmentation',
  'attention',
  'training',
  'robust',
  'language',
  'detection',
  'efficient',
  'representation',
  'transformer',
  'policy',
  'speech'
]

function warmUpPapers(count: number): SearchablePaper[] {
  let state = 7
  const next = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state
  }
  const words = (length: number): string =>
    Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ')
  return Array.from({ length: count }, (_, index) => ({
    id: `warm-up-${index}`,
    title: words(8),
    abstract: words(60),
    authors: [`Author ${next() % 50}`, `Writer ${next() % 50}`],
    tasks: [`Task ${next() % 20}`],
    venue: next() % 3 === 0 ? 'Venue 2020' : null,
    year: 2010 + (next() % 12),
    date: `20${10 + (next() % 12)}-01-01`,
    hasCode: next() % 2 === 0,
    hasOfficialCode: false,
    frameworks: next() % 2 === 0 ? ['pytorch'] : [],
    datasets: [],
    methods: []
  }))
}

const QUERIES = [
  'learning ',
  'graph network ',
  'segmentaton ',
  'atten',
  'tra',
  '"graph network"',
  'learning -speech year:2012..2018 has:code ',
  'author:"Author 3" ',
  'task:"Task 2" framework:pytorch '
]

/** Takes ~100–300 ms; returns the number of queries run. */
export function warmUpPaperSearch(rounds = 12): number {
  const index = PaperSearchIndex.build(warmUpPapers(3000))
  let runs = 0
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERIES) {
      index.search(query, { sort: round % 3 === 0 ? 'date' : 'relevance' })
      runs += 1
    }
  }
  return runs
}
