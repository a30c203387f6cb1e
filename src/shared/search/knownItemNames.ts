/**
 * Known-item search: a researcher who types "bert", "resnet" or "EfficientNet-B7" wants one
 * paper, the one that name belongs to, and BM25 alone does not know which that is ("bert" is in
 * thousands of abstracts; "Deep Residual Learning for Image Recognition" never says "ResNet").
 *
 * The names a paper is known by come from two places:
 * - its title's short name, the part before a colon ("BERT: Pre-training of …" → "bert");
 * - what its leaderboard rows call its models ("EfficientNet-B7"), and their family ("ResNet-152"
 *   → "resnet", "600D ESIM + …" → "esim"). Many papers report a "ResNet-50"; the one that
 *   introduced the name is the earliest, so of the papers whose models bear a name, the earliest
 *   ranks first (whether its rows use the name itself or a variant), then the others using it.
 *
 * A query whose words are exactly such a name multiplies the score of those papers (they must
 * still match the query, and any filter) so that they rank first.
 */
import type { ParsedQuery } from './queryParser'
import type { SearchablePaper } from './searchDocuments'
import { analyzeText } from './textAnalysis'

/** Why a paper is known by a name; a higher tier wins. */
const enum NameTier {
  ModelFamily = 1,
  ModelName = 2,
  TitleName = 3
}

const TITLE_BOOST = 100
/** The earliest paper whose models bear the name. */
const ORIGINATOR_BOOST = 50
/** Later papers whose rows use the name itself; later variants ("ResNet-50 + X") get nothing. */
const LATER_MODEL_BOOST = 20

/** Titles' short names are a few words ("Mask R-CNN", "Deep Image Prior"), not a sentence. */
const MAX_TITLE_NAME_WORDS = 4
const MAX_MODEL_NAME_WORDS = 6
/** Papers kept per name: the ones a query could put in its top results. */
const MAX_PAPERS_PER_NAME = 6
const MIN_FAMILY_LENGTH = 3

type NamedPaper = [id: string, date: string, tier: NameTier]

/** A name as query words are compared with it: the analyzer's tokens, stop words kept. */
export function nameKey(text: string): string {
  return analyzeText(text, { keepShortAndStopWords: true }).join(' ')
}

function titleName(title: string): string | null {
  const colon = title.indexOf(':')
  if (colon <= 0) return null
  const key = nameKey(title.slice(0, colon))
  const words = key === '' ? 0 : key.split(' ').length
  return words > 0 && words <= MAX_TITLE_NAME_WORDS ? key : null
}

/**
 * "resnet 152" → "resnet", "resnet101" → "resnet", "600d esim" → "esim" (sizes lead many NLI
 * model names); `null` for names with no distinctive head.
 */
function modelFamily(key: string): string | null {
  const head = key
    .split(' ')
    .find((word) => /^\p{L}/u.test(word))
    ?.replace(/\d+$/, '')
  return head !== undefined && head.length >= MIN_FAMILY_LENGTH ? head : null
}

// Title names first; then earlier papers first (undated last), the name itself before a variant.
function compareNamed(a: NamedPaper, b: NamedPaper): number {
  const title = Number(b[2] === NameTier.TitleName) - Number(a[2] === NameTier.TitleName)
  return title || (a[1] || '~').localeCompare(b[1] || '~') || b[2] - a[2] || a[0].localeCompare(b[0])
}

function boostOf(tier: NameTier, first: boolean): number {
  if (tier === NameTier.TitleName) return TITLE_BOOST
  if (first) return ORIGINATOR_BOOST
  return tier === NameTier.ModelName ? LATER_MODEL_BOOST : 1
}

/** What of a paper its names come from. */
export type KnownItemSource = Pick<SearchablePaper, 'id' | 'title' | 'date' | 'models'>

type StoredSource = [title: string, date: string | null, models: string[]]

/**
 * The papers that bear a name, kept beside the index so that names can be rebuilt after a sync
 * from what it wrote and removed, without reading every paper again (names cannot be updated in
 * place: `KnownItemNames` keeps only the top papers per name).
 */
export class KnownItemSources {
  private constructor(private readonly byId: Map<string, StoredSource>) {}

  static empty(): KnownItemSources {
    return new KnownItemSources(new Map())
  }

  static deserialize(json: string): KnownItemSources {
    return new KnownItemSources(new Map(JSON.parse(json) as [string, StoredSource][]))
  }

  serialize(): string {
    return JSON.stringify([...this.byId])
  }

  /** Records `paper` as it is now: kept when it bears a name, forgotten otherwise. */
  note(paper: KnownItemSource): void {
    const models = paper.models ?? []
    if (titleName(paper.title) !== null || models.length > 0)
      this.byId.set(paper.id, [paper.title, paper.date, models])
    else this.byId.delete(paper.id)
  }

  remove(id: string): void {
    this.byId.delete(id)
  }

  names(): KnownItemNames {
    const names = KnownItemNames.empty()
    for (const [id, [title, date, models]] of this.byId) names.add({ id, title, date, models })
    return names
  }
}

export class KnownItemNames {
  private constructor(private readonly byName: Map<string, NamedPaper[]>) {}

  static empty(): KnownItemNames {
    return new KnownItemNames(new Map())
  }

  static deserialize(json: string): KnownItemNames {
    return new KnownItemNames(new Map(JSON.parse(json) as [string, NamedPaper[]][]))
  }

  serialize(): string {
    return JSON.stringify([...this.byName])
  }

  get size(): number {
    return this.byName.size
  }

  add(paper: Pick<SearchablePaper, 'id' | 'title' | 'date' | 'models'>): void {
    const date = paper.date ?? ''
    const title = titleName(paper.title)
    if (title !== null) this.note(title, [paper.id, date, NameTier.TitleName])
    for (const model of paper.models ?? []) {
      const key = nameKey(model)
      if (key === '' || key.split(' ').length > MAX_MODEL_NAME_WORDS) continue
      this.note(key, [paper.id, date, NameTier.ModelName])
      const family = modelFamily(key)
      if (family !== null && family !== key) this.note(family, [paper.id, date, NameTier.ModelFamily])
    }
  }

  /** The papers known by exactly what the query's words say, with their score multipliers. */
  boostsFor(query: ParsedQuery): Map<string, number> {
    const boosts = new Map<string, number>()
    // The words as typed: the terms one typed word became ("ResNet-50" → resnet, 50) share it.
    const words: string[] = []
    for (const term of query.terms) if (!term.negated && term.source !== words.at(-1)) words.push(term.source)
    for (const phrase of query.phrases) if (!phrase.negated) words.push(phrase.text)
    const named = this.byName.get(nameKey(words.join(' ')))
    if (named === undefined) return boosts
    let firstModel = true
    for (const [id, , tier] of named) {
      const boost = boostOf(tier, firstModel && tier !== NameTier.TitleName)
      if (tier !== NameTier.TitleName) firstModel = false
      if (boost > (boosts.get(id) ?? 1)) boosts.set(id, boost)
    }
    return boosts
  }

  private note(key: string, paper: NamedPaper): void {
    let papers = this.byName.get(key)
    if (papers === undefined) {
      papers = []
      this.byName.set(key, papers)
    }
    const existing = papers.findIndex(([id]) => id === paper[0])
    if (existing >= 0) {
      if (papers[existing][2] >= paper[2]) return
      papers.splice(existing, 1)
    }
    papers.push(paper)
    papers.sort(compareNamed)
    if (papers.length > MAX_PAPERS_PER_NAME) papers.length = MAX_PAPERS_PER_NAME
  }
}
