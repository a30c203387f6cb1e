/**
 * Synthetic methods (kept in memory: papers embed them in full) and synthetic datasets (written
 * as they are generated). Each record resamples a real 2022 record's shape: which fields are
 * null or empty, how many collections, tasks, variants and data loaders it has.
 */
import { paperAbsAndPdf, paperUrl, type PaperIdentities } from './paperIdentities'
import type { RealDataset, RealMethod, RealSamples } from './realSamples'
import { createRandom, type Random } from './seededRandom'
import { makeDescription, slugify, type TextSource } from './syntheticText'
import { qualifiersOf, uniqueNames } from './uniqueNames'

/**
 * Descriptions grow by these factors over their 2022 templates so that the full-scale files land
 * near the 2025 sizes (methods ~28 MB for 8,725 records, datasets ~45 MB for 15,008: about twice
 * the 2022 bytes per record).
 */
const METHOD_DESCRIPTION_GROWTH = 3
const DATASET_DESCRIPTION_GROWTH = 3

export interface MethodRecord {
  url: string
  name: string
  full_name: string | null
  description: string | null
  paper: { title: string; url: string } | null
  introduced_year: number
  source_url: string | null
  source_title: string | null
  code_snippet_url: string | null
  num_papers: number
  collections: { collection: string; area_id: string; area: string }[]
}

/** A method as a paper record embeds it (the 2025 papers dump). */
export interface EmbeddedMethod {
  name: string
  full_name: string | null
  description: string | null
  introduced_year: number
  source_url: string | null
  source_title: string | null
  code_snippet_url: string | null
  main_collection: { name: string; description: string; parent: string | null; area: string } | null
}

export interface MethodCatalog {
  records: MethodRecord[]
  embedded: EmbeddedMethod[]
  /** Indexes into `records`, most-used first, for drawing the methods a paper uses. */
  byPopularity: number[]
}

function hex(random: Random, length: number): string {
  let text = ''
  while (text.length < length) text += random.int(16).toString(16)
  return text
}

function citedPaper(random: Random, papers: PaperIdentities): number | null {
  return papers.count === 0 ? null : random.int(papers.count)
}

function buildCollections(random: Random, samples: RealSamples, text: TextSource) {
  const byName = new Map<string, { area: string; areaId: string }>()
  for (const method of samples.methods) {
    for (const collection of method.collections) {
      byName.set(collection.collection, { area: collection.area, areaId: collection.area_id })
    }
  }
  const names = [...byName.keys()]
  const main = new Map<string, NonNullable<EmbeddedMethod['main_collection']>>()
  for (const [name, { area }] of byName) {
    const sameArea = names.filter((other) => other !== name && byName.get(other)?.area === area)
    main.set(name, {
      name,
      description: makeDescription(random, text, random.between(60, 400)),
      parent: sameArea.length > 0 && random.chance(0.4) ? random.pick(sameArea) : null,
      area
    })
  }
  return main
}

export function buildMethodCatalog(
  seed: number,
  count: number,
  samples: RealSamples,
  papers: PaperIdentities,
  text: TextSource
): MethodCatalog {
  const random = createRandom(seed, 'methods')
  const realByName = new Map(samples.methods.map((method) => [method.name, method]))
  const qualifiers = qualifiersOf(samples.methods.flatMap((method) => method.full_name ?? []))
  const names = uniqueNames(
    random,
    samples.methods.map((method) => method.name),
    count,
    (base) => `${random.pick(qualifiers)} ${base}`
  )
  const collections = buildCollections(random, samples, text)
  const usedSlugs = new Set<string>()

  const records = names.map((name): MethodRecord => {
    const real = realByName.get(name)
    const template: RealMethod = real ?? random.pick(samples.methods)
    let slug = slugify(name)
    for (let n = 1; usedSlugs.has(slug); n += 1) slug = `${slugify(name)}-${n}`
    usedSlugs.add(slug)
    const paperIndex = template.paper === null ? null : citedPaper(random, papers)
    const descriptionLength = (template.description ?? '').length * METHOD_DESCRIPTION_GROWTH
    let codeSnippetUrl = template.code_snippet_url
    if (codeSnippetUrl !== null && codeSnippetUrl !== '') {
      codeSnippetUrl = `https://github.com/${random.pick(samples.repositories)}/blob/${hex(random, 40)}/${slug}.py#L${random.between(1, 400)}`
    }
    return {
      url: `https://paperswithcode.com/method/${slug}`,
      name,
      full_name: real !== undefined ? real.full_name : template.full_name === null ? null : name,
      description: template.description === null ? null : makeDescription(random, text, descriptionLength),
      paper:
        paperIndex === null ? null : { title: papers.titles[paperIndex], url: paperUrl(papers, paperIndex) },
      introduced_year: template.introduced_year,
      source_url: paperIndex === null ? null : paperAbsAndPdf(papers, paperIndex).abs,
      source_title: paperIndex === null ? null : papers.titles[paperIndex],
      code_snippet_url: codeSnippetUrl,
      num_papers: template.num_papers,
      collections: template.collections
    }
  })

  const embedded = records.map((record): EmbeddedMethod => ({
    name: record.name,
    full_name: record.full_name,
    description: record.description,
    introduced_year: record.introduced_year,
    source_url: record.source_url,
    source_title: record.source_title,
    code_snippet_url: record.code_snippet_url,
    main_collection:
      record.collections.length === 0 ? null : (collections.get(record.collections[0].collection) ?? null)
  }))
  const byPopularity = records
    .map((_, index) => index)
    .sort((a, b) => records[b].num_papers - records[a].num_papers)
  return { records, embedded, byPopularity }
}

export function buildDatasetNames(seed: number, count: number, samples: RealSamples): string[] {
  const random = createRandom(seed, 'dataset-names')
  const qualifiers = qualifiersOf(samples.datasets.flatMap((dataset) => dataset.full_name ?? []))
  return uniqueNames(
    random,
    samples.datasets.map((dataset) => dataset.name),
    count,
    (base) => `${random.pick(qualifiers)}-${base}`
  )
}

export interface DatasetContext {
  samples: RealSamples
  papers: PaperIdentities
  taskNames: readonly string[]
  datasetNames: readonly string[]
  text: TextSource
}

/** Generates dataset records in order from one random stream; call once per dataset name. */
export function createDatasetRecordMaker(seed: number, context: DatasetContext): (name: string) => unknown {
  const random = createRandom(seed, 'datasets')
  const { samples, papers, taskNames, datasetNames, text } = context
  const realByName = new Map(samples.datasets.map((dataset) => [dataset.name, dataset]))
  const usedSlugs = new Set<string>()
  return (name) => {
    const real = realByName.get(name)
    const template: RealDataset = real ?? random.pick(samples.datasets)
    let slug = slugify(name)
    for (let n = 1; usedSlugs.has(slug); n += 1) slug = `${slugify(name)}-${n}`
    usedSlugs.add(slug)
    const paperIndex = template.paper === null ? null : citedPaper(random, papers)
    const tasks = new Set<string>()
    for (let k = 0; k < template.tasks.length && taskNames.length > 0; k += 1)
      tasks.add(random.pick(taskNames))
    const variants = template.variants.length === 0 ? [] : [name]
    while (variants.length < template.variants.length) variants.push(random.pick(datasetNames))
    return {
      url: `https://paperswithcode.com/dataset/${slug}`,
      name,
      full_name:
        real !== undefined
          ? real.full_name
          : template.full_name === null || template.full_name === ''
            ? template.full_name
            : name,
      homepage:
        template.homepage === null || template.homepage === ''
          ? template.homepage
          : `https://github.com/${random.pick(samples.repositories)}`,
      description: makeDescription(random, text, template.description.length * DATASET_DESCRIPTION_GROWTH),
      paper:
        paperIndex === null ? null : { title: papers.titles[paperIndex], url: paperUrl(papers, paperIndex) },
      introduced_date:
        template.introduced_date === null
          ? null
          : paperIndex === null
            ? template.introduced_date
            : papers.dates[paperIndex],
      warning: null,
      modalities: template.modalities,
      tasks: [...tasks].map((task) => ({
        task,
        url: `https://paperswithcode.com/task/${slugify(task, 80)}`
      })),
      languages: template.languages,
      variants,
      num_papers: template.num_papers,
      data_loaders: template.data_loaders.map((loader) => ({
        url: loader.url.includes('huggingface.co') ? `https://huggingface.co/datasets/${slug}` : loader.url,
        repo: loader.repo,
        frameworks: loader.frameworks
      }))
    }
  }
}
