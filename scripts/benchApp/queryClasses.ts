/**
 * The queries the benchmark types, per class, drawn from the archive it syncs: the first few
 * thousand records of its papers dump give word frequencies, title word pairs, authors and years.
 * Drawn with a fixed seed, so two runs on the same archive ask the same questions.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { createRandom } from '../../src/main/archive/synthetic/seededRandom'
import { JsonArraySplitter } from '../../src/shared/archive/jsonArraySplitter'

export type QueryClass =
  'rare word' | 'common word' | '2 words' | '3-letter prefix' | 'phrase' | 'author' | 'common word + facet'

export interface QuerySet {
  /** What is typed, per class; `common word + facet` types the word and then picks a facet. */
  queries: Record<QueryClass, string[]>
  /** A year facet value present in the sample, for typing `… year:<year>`. */
  years: number[]
}

interface DumpPaper {
  title?: string | null
  authors?: string[] | null
  date?: string | null
}

async function samplePapers(papersDump: string, count: number): Promise<DumpPaper[]> {
  const splitter = new JsonArraySplitter()
  const papers: DumpPaper[] = []
  const stream = createReadStream(papersDump).pipe(createGunzip())
  for await (const chunk of stream) {
    for (const element of splitter.push(new Uint8Array(chunk as Buffer)))
      papers.push(element.value as DumpPaper)
    if (papers.length >= count) break
  }
  stream.destroy()
  return papers.slice(0, count)
}

// Function words say nothing about a search engine's common-word cost beyond what "learning" does.
const FUNCTION_WORDS = new Set([
  'with',
  'using',
  'based',
  'from',
  'into',
  'towards',
  'via',
  'over',
  'that',
  'this'
])
const tokens = (title: string): string[] => title.toLowerCase().match(/[a-z]+/g) ?? []
const words = (title: string): string[] =>
  tokens(title).filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w))

export async function buildQuerySet(papersDump: string, perClass: number, seed = 14): Promise<QuerySet> {
  const papers = await samplePapers(papersDump, 4000)
  const random = createRandom(seed, 'bench-app-queries')
  const frequency = new Map<string, number>()
  for (const paper of papers)
    for (const word of new Set(words(paper.title ?? ''))) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  const byFrequency = [...frequency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const common = byFrequency.slice(0, perClass).map(([word]) => word)
  const rareWords = byFrequency.filter(([word, n]) => n === 1 && word.length >= 7).map(([word]) => word)
  const draw = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items]
    const out: T[] = []
    while (out.length < n && pool.length > 0) out.push(pool.splice(random.int(pool.length), 1)[0])
    return out
  }
  // Neighbours in the title, so a quoted pair is a phrase some paper really has.
  const titlePairs = papers.flatMap((paper) => {
    const t = tokens(paper.title ?? '')
    const at = t.findIndex(
      (w, i) => i + 1 < t.length && words(w).length === 1 && words(t[i + 1]).length === 1
    )
    return at >= 0 ? [[t[at], t[at + 1]] as const] : []
  })
  const prefixes = [...new Set(byFrequency.slice(0, 200).map(([word]) => word.slice(0, 3)))]
  const authors = [
    ...new Set(papers.flatMap((p) => p.authors ?? []).filter((a) => /^[A-Za-z][A-Za-z .'-]+$/.test(a)))
  ]
  const years = [...new Set(papers.map((p) => Number(p.date?.slice(0, 4))).filter((y) => y >= 2000))].sort()
  const pairs = draw(titlePairs, perClass * 2)
  return {
    queries: {
      'rare word': draw(rareWords, perClass),
      'common word': common,
      '2 words': pairs.slice(0, perClass).map(([a, b]) => `${a} ${b}`),
      '3-letter prefix': draw(prefixes, perClass),
      phrase: pairs.slice(perClass).map(([a, b]) => `"${a} ${b}"`),
      author: draw(authors, perClass).map((a) => `author:"${a}"`),
      'common word + facet': draw(common, perClass)
    },
    years
  }
}
