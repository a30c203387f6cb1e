/**
 * The five Papers With Code dumps as they are on disk, before normalization.
 *
 * Read from the real files in `../shared/data` (2020 evaluation tables, 2022 methods and datasets,
 * papers and links converted to the dump schema) and the schema in its README for the 2025 fields
 * marked "2025 only". Every field is optional and nullable: old dumps lack the new fields, the
 * sota-extractor trees omit whole keys (`categories`, `synonyms`, `dataset_links`), and nulls and
 * empty strings occur wherever the data allows. Normalizers therefore read each field through a
 * runtime guard; these types document what a field holds when it is present.
 */

/** `papers-with-abstracts`: one record per paper. */
export interface RawPaper {
  /** `https://paperswithcode.com/paper/<slug>`: the key every other dump joins on. */
  paper_url?: string | null
  /** e.g. `1406.2661` or old-style `cs/9301114`; null for papers that are not on arXiv. */
  arxiv_id?: string | null
  /** 2025 only. */
  nips_id?: string | null
  /** 2025 only. */
  openreview_id?: string | null
  title?: string | null
  abstract?: string | null
  /** 2025 only. */
  short_abstract?: string | null
  url_abs?: string | null
  url_pdf?: string | null
  /** e.g. `"NeurIPS 2018 12"`. */
  proceeding?: string | null
  authors?: (string | null)[] | null
  /** Task *names*, not slugs. */
  tasks?: (string | null)[] | null
  /** `YYYY-MM-DD`. */
  date?: string | null
  /** 2025 only. */
  conference_url_abs?: string | null
  /** 2025 only. */
  conference_url_pdf?: string | null
  /** 2025 only. */
  conference?: string | null
  /** 2025 only. */
  reproduces_paper?: string | null
  /** Full method objects embedded in every paper (the dump's largest redundancy). */
  methods?: (RawPaperMethod | null)[] | null
}

/** A method as embedded in a paper record; only `name` is needed to point at the methods table. */
export interface RawPaperMethod {
  name?: string | null
  full_name?: string | null
  description?: string | null
  main_collection?: RawMethodMainCollection | null
}

export interface RawMethodMainCollection {
  name?: string | null
  description?: string | null
  parent?: string | null
  area?: string | null
}

/** `links-between-papers-and-code`: one record per (paper, repository) pair. */
export interface RawCodeLink {
  /** PWC paper URL, so a link's paper id equals the paper's id even when the paper is absent. */
  paper_url?: string | null
  paper_title?: string | null
  paper_arxiv_id?: string | null
  paper_url_abs?: string | null
  paper_url_pdf?: string | null
  repo_url?: string | null
  is_official?: boolean | null
  /** `pytorch`, `tf`, `jax`, `paddle`, `mindspore`, `mxnet`, `caffe2`, `torch` or `none`. */
  framework?: string | null
  mentioned_in_paper?: boolean | null
  mentioned_in_github?: boolean | null
}

/** `evaluation-tables`: a recursive tree of tasks; each top-level array element is one task. */
export interface RawEvaluationTask {
  /** The task name; one 2020 task has an empty name. */
  task?: string | null
  description?: string | null
  categories?: (string | null)[] | null
  synonyms?: (string | null)[] | null
  source_link?: string | null
  datasets?: (RawEvaluationDataset | null)[] | null
  /** Up to ~6 levels deep; a task can appear under several parents. */
  subtasks?: (RawEvaluationTask | null)[] | null
}

export interface RawEvaluationDataset {
  /** The dataset name on a top-level dataset node. */
  dataset?: string | null
  /** The name on a node inside `subdatasets` (sota-extractor trees use this key there). */
  subdataset?: string | null
  description?: string | null
  dataset_links?: (RawTitledLink | null)[] | null
  dataset_citations?: unknown[] | null
  subdatasets?: (RawEvaluationDataset | null)[] | null
  /** Null on grouping nodes whose leaderboards are in `subdatasets`. */
  sota?: RawSota | null
}

export interface RawSota {
  /** Column names, in display order. */
  metrics?: (string | null)[] | null
  rows?: (RawResultRow | null)[] | null
}

export interface RawResultRow {
  model_name?: string | null
  paper_title?: string | null
  /** Usually an arXiv or publisher URL, not a PWC paper URL; empty on rows without a paper. */
  paper_url?: string | null
  paper_date?: string | null
  code_links?: (RawTitledLink | null)[] | null
  model_links?: (RawTitledLink | string | null)[] | null
  /** Every value is a string in the real dumps (`"88.5%"`, `"480M"`, `"-"`). */
  metrics?: Record<string, string | number | null> | null
  /** Newer dumps and sota-extractor trees only. */
  uses_additional_data?: boolean | null
}

export interface RawTitledLink {
  title?: string | null
  url?: string | null
}

/** `methods`: one record per method. */
export interface RawMethod {
  /** `https://paperswithcode.com/method/<slug>`. */
  url?: string | null
  name?: string | null
  full_name?: string | null
  /** Markdown with `\r\n` line ends and LaTeX (`$...$`). */
  description?: string | null
  paper?: RawPaperReference | null
  /** 2000 is a placeholder (1,866 of 1,924 methods in 2022). */
  introduced_year?: number | null
  source_url?: string | null
  source_title?: string | null
  code_snippet_url?: string | null
  num_papers?: number | null
  collections?: (RawMethodCollection | null)[] | null
}

export interface RawMethodCollection {
  collection?: string | null
  area_id?: string | null
  area?: string | null
}

/** A `{ title, url }` reference to the paper that introduced a method or dataset. */
export interface RawPaperReference {
  title?: string | null
  url?: string | null
}

/** `datasets`: one record per dataset (2025 adds image and licence fields we do not store). */
export interface RawDataset {
  /** `https://paperswithcode.com/dataset/<slug>`. */
  url?: string | null
  name?: string | null
  full_name?: string | null
  homepage?: string | null
  description?: string | null
  paper?: RawPaperReference | null
  /** `YYYY-MM-DD`; one 2022 dataset is "introduced" in 2027. */
  introduced_date?: string | null
  warning?: string | null
  modalities?: (string | null)[] | null
  /** The task name with its real `/task/<slug>` URL. */
  tasks?: (RawDatasetTask | null)[] | null
  languages?: (string | null)[] | null
  variants?: (string | null)[] | null
  num_papers?: number | null
  data_loaders?: (RawDataLoader | null)[] | null
}

export interface RawDatasetTask {
  task?: string | null
  url?: string | null
}

export interface RawDataLoader {
  url?: string | null
  repo?: string | null
  frameworks?: (string | null)[] | null
}
