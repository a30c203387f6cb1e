/**
 * The shapes the search engine indexes. Stored Dexie records are mapped to these elsewhere, so
 * the engine never depends on how the archive is stored.
 */

export interface SearchablePaper {
  /** The paper's stable key (the PWC paper slug or URL); unique across the archive. */
  id: string
  title: string
  abstract: string
  authors: string[]
  /** Task names, as the dump spells them ("Image Classification"). */
  tasks: string[]
  /** Conference or journal ("CVPR 2018"), `null` for preprints. */
  venue: string | null
  year: number | null
  /** `YYYY-MM-DD`, `null` when unknown. */
  date: string | null
  hasCode: boolean
  hasOfficialCode: boolean
  /** Framework names as the links dump spells them (`pytorch`, `tf`, `jax`, …). */
  frameworks: string[]
  datasets?: string[]
  methods?: string[]
  /**
   * What the paper's leaderboard rows call its models ("EfficientNet-B7", "ResNet-152"): the
   * names researchers type. Matched with the abstract's words (same postings group and weight),
   * and the source of known-item names (knownItemNames.ts).
   */
  models?: string[]
}

export type EntityKind = 'task' | 'dataset' | 'method' | 'leaderboard'

export interface SearchableEntity {
  id: string
  kind: EntityKind
  name: string
  fullName?: string
  description?: string
}

/** Paper fields that free words are matched against, in ranking order of importance. */
export const PAPER_TEXT_FIELDS = ['title', 'authors', 'tasks', 'venue', 'abstract'] as const
export type PaperTextField = (typeof PAPER_TEXT_FIELDS)[number]
