/**
 * The records the archive tables store, as pages read them.
 *
 * IndexedDB's cost is per record and per index entry (FACTS.md: ~2,500 records/s whatever their
 * size), so records are flat and carry only what a page shows: a paper keeps the ids of its
 * methods instead of the method objects the dump embeds, a result keeps code-link URLs only
 * (every 2020 link title is the URL's `owner/repo`). Empty strings become `null` and `\r\n`
 * becomes `\n`; every other text is stored as the dump had it and must be rendered as text.
 * A string over 64 K characters is stored apart, its record keeping its start (longText.ts).
 */
import type { LongTextHolder } from './longText'

/** `'link'`: the paper was named by a code link (its id is the real PWC slug); `'result'`: only a
 * leaderboard row cites it (its id is synthetic, see `paperResolution.ts`). */
export type PaperStubSource = 'link' | 'result'

export interface PaperRecord extends LongTextHolder {
  /** The PWC slug from `paper_url` (`/paper/<slug>`), or a synthetic stub id. */
  id: string
  arxivId: string | null
  title: string
  /** `paperTitleKey(title)`: the join key between leaderboard rows and papers. */
  titleKey: string | null
  abstract: string | null
  authors: string[]
  /** Task ids (slugs). */
  taskIds: string[]
  /** `YYYY-MM-DD`. */
  date: string | null
  /** e.g. `"NeurIPS 2018 12"`. */
  proceeding: string | null
  conference: string | null
  urlAbs: string | null
  urlPdf: string | null
  methodIds: string[]
  /** True for a paper known only from a link or a leaderboard row (no abstract, no authors). */
  isStub: boolean
  /**
   * Present on stubs only. It is indexed so the stubs can be listed without scanning every
   * paper; IndexedDB leaves records without the key out of the index, so real papers cost nothing.
   */
  stubSource?: PaperStubSource
  /**
   * How many leaderboard rows cite the paper; absent when none does. Indexed, so the papers whose
   * row facts need a look after a sync are found without scanning the others (paperFacts.ts).
   */
  citedBy?: number
  /** What the rows added to the source's record (paperFacts.ts), so a re-sync can take it out. */
  rowFacts?: PaperRowFacts
}

export interface PaperRowFacts {
  /** Tasks of the leaderboards the rows are on that the source did not list. */
  addedTaskIds: string[]
  /** True when `date` is the rows' earliest `paper_date`: the source had none. */
  datedByRows: boolean
  /** What the rows call the paper's models ("EfficientNet-B7"), in row order: search indexes them. */
  models: string[]
  /** The datasets of the leaderboards the rows are on (their names, trimmed), in row order. */
  datasets: string[]
}

export interface CodeLinkRecord extends LongTextHolder {
  /** `<paperId>|<repoUrl>` (codeLinkIds.ts): the dump has no id and no pair repeats. */
  id: string
  paperId: string
  paperTitle: string | null
  paperArxivId: string | null
  repoUrl: string
  isOfficial: boolean
  /** `pytorch`, `tf`, `jax`, ...; `null` for `none` and unknown. */
  framework: string | null
  mentionedInPaper: boolean | null
  mentionedInGithub: boolean | null
}

export interface TaskRecord extends LongTextHolder {
  /** The old site's `/task/<slug>`: `'Image Classification'` → `'image-classification'`. */
  id: string
  name: string
  description: string | null
  /** The dump's `categories`, e.g. `'Computer Vision'` (`pwcSlug` gives the `/area/` slug). */
  areas: string[]
  /** The first parent the tree lists it under; `null` for a root. */
  parentId: string | null
  /** The tree repeats 266 tasks of 2020 under several parents; the others are kept here. */
  otherParentIds: string[]
  synonyms: string[]
  sourceLink: string | null
}

export interface PaperReference {
  title: string | null
  url: string | null
}

export interface DataLoaderRecord {
  url: string
  repo: string | null
  frameworks: string[]
}

export interface DatasetRecord extends LongTextHolder {
  /** The slug from `url` (`/dataset/<slug>`). */
  id: string
  name: string
  fullName: string | null
  homepage: string | null
  description: string | null
  paper: PaperReference | null
  introducedDate: string | null
  modalities: string[]
  languages: string[]
  /** Ids of the tasks the dataset is used for, derived from the task names like `TaskRecord.id`. */
  taskIds: string[]
  variants: string[]
  numPapers: number | null
  dataLoaders: DataLoaderRecord[]
  warning: string | null
}

export interface MethodCollectionRecord {
  collection: string
  areaId: string | null
  area: string | null
}

export interface MethodRecord extends LongTextHolder {
  /** The slug from `url` (`/method/<slug>`). */
  id: string
  name: string
  fullName: string | null
  description: string | null
  paper: PaperReference | null
  /** `null` when the dump says 2000, its placeholder for "unknown". */
  introducedYear: number | null
  sourceUrl: string | null
  sourceTitle: string | null
  codeSnippetUrl: string | null
  numPapers: number | null
  collections: MethodCollectionRecord[]
}

export interface TitledLink {
  title: string | null
  url: string
}

export interface LeaderboardRecord extends LongTextHolder {
  /**
   * `<taskId>-on-<datasetSlug>`, the old site's `/sota/<slug>` when that was short enough not to
   * be cut; a clash between two different boards gets `-1`, `-2`, ... like the old site.
   */
  id: string
  taskId: string
  /**
   * The dataset's name in the table (for a subdataset, its own name), verbatim: "FB15k" and
   * " FB15k" are two different 2020 leaderboards, so stray spaces are part of the identity.
   */
  datasetName: string
  datasetSlug: string
  /** Set on subdatasets: the dataset node they belong to. */
  parentDatasetName: string | null
  parentDatasetSlug: string | null
  description: string | null
  datasetLinks: TitledLink[]
  /** Column names, in display order. */
  metrics: string[]
  resultCount: number
}

export interface MetricValue {
  /** The string as the dump has it. */
  raw: string
  /** The number it states, `null` when it states none (`"-"`, `"N/A"`, `"78.6/84.4"`). */
  value: number | null
}

export interface ResultRecord extends LongTextHolder {
  /** `<leaderboardId>/<hash of model and paper>`, so a row keeps its id when rows are inserted. */
  id: string
  leaderboardId: string
  /** Row order in the dump's table. */
  position: number
  modelName: string
  paperTitle: string | null
  /** As the dump has it: usually arXiv or the publisher, not a PWC URL. */
  paperUrl: string | null
  paperArxivId: string | null
  paperDate: string | null
  /** The paper it resolved to (arXiv id first, then title), else a stub id; `null` without paper. */
  paperId: string | null
  metrics: Record<string, MetricValue>
  /** Repository URLs; the title the dump repeats is the URL's `owner/repo`. */
  codeLinks: string[]
  modelLinks: TitledLink[]
  usesAdditionalData: boolean | null
}

/** What each archive table stores. */
export interface ArchiveEntities {
  papers: PaperRecord
  codeLinks: CodeLinkRecord
  tasks: TaskRecord
  datasets: DatasetRecord
  methods: MethodRecord
  leaderboards: LeaderboardRecord
  results: ResultRecord
}

export type ArchiveEntityTable = keyof ArchiveEntities

export const ARCHIVE_ENTITY_TABLES: readonly ArchiveEntityTable[] = [
  'papers',
  'codeLinks',
  'tasks',
  'datasets',
  'methods',
  'leaderboards',
  'results'
]

/** `syncMeta` row that makes an interrupted file resumable. */
export interface SyncCheckpointMeta {
  key: `checkpoint:${string}`
  fileName: string
  fingerprint: string
  /** Top-level records whose entities are committed. */
  recordsDone: number
  /** True once the file's last entities are committed (only the run's finalize pass is left). */
  complete: boolean
}

export interface ImportedFileMeta {
  name: string
  kind: string
  /** Size + first 64 KiB: known when the file is opened (archiveSource.ts). */
  fingerprint: string
  /** Every byte: what "unchanged" is decided on. Absent in snapshots from before it existed. */
  contentHash?: string
  records: number
  /** From the file name when it carries one (`pwc-dump-2020-09_...` → `2020-09`). */
  snapshotDate: string | null
}

/** `syncMeta` row describing what the archive tables hold after the last completed sync. */
export interface ArchiveSnapshotMeta {
  key: 'archive'
  /** The archive's date: given by the caller, else the latest date in the file names. */
  snapshotDate: string | null
  /** ISO timestamp of the last sync that completed. */
  completedAt: string
  /**
   * ISO timestamp of the last completed sync that added, changed or removed a record (what derived
   * data such as the search index follows). Absent in databases written before it existed.
   */
  changedAt?: string
  /** Per dump kind, the files whose contents the tables hold. */
  kinds: Record<string, ImportedFileMeta[]>
}

/** `syncMeta` row present while the paper listings may miss papers a sync wrote (syncMetaStore.ts). */
export interface PaperListingsStaleMeta {
  key: 'paperListingsStale'
}

export type SyncMetaRecord = SyncCheckpointMeta | ArchiveSnapshotMeta | PaperListingsStaleMeta
