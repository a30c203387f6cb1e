/** `datasets` records → `DatasetRecord`. */
import type { DataLoaderRecord, DatasetRecord } from './entities'
import {
  createNormalizationStats,
  taskIdForName,
  type DumpNormalizer,
  type NormalizationContext
} from './dumpNormalizer'
import { idFromEntityUrl, paperReferenceOrNull } from './pwcReferences'
import type { RawDataLoader, RawDataset, RawDatasetTask } from './rawDumpTypes'
import {
  expectRawObject,
  finiteNumberOrNull,
  isoDayOrNull,
  lineList,
  lineOrNull,
  objectList,
  pushUnique,
  textOrNull
} from './rawFields'

function dataLoadersOf(value: unknown): DataLoaderRecord[] {
  const loaders: DataLoaderRecord[] = []
  for (const item of objectList<RawDataLoader>(value)) {
    const url = lineOrNull(item.url)
    if (url !== null)
      loaders.push({ url, repo: lineOrNull(item.repo), frameworks: lineList(item.frameworks) })
  }
  return loaders
}

/**
 * Task ids from the task *names*, like `TaskRecord.id`, not from the task URLs the dump also
 * gives: those carry the live site's renames (`Visual Dialog` → `/task/visual-dialogue`) that no
 * other dump knows, so a dataset's task link would miss its task page.
 */
function taskIdsOf(value: unknown, context: NormalizationContext): string[] {
  const ids: string[] = []
  for (const task of objectList<RawDatasetTask>(value)) {
    if (typeof task.task === 'string') pushUnique(ids, taskIdForName(context, lineOrNull(task.task) ?? ''))
  }
  return ids
}

export function normalizeDatasetRecord(raw: unknown, context: NormalizationContext): DatasetRecord {
  const record = expectRawObject<RawDataset>(raw, 'a datasets record')
  const id = idFromEntityUrl(record, 'a dataset')
  return {
    id,
    name: lineOrNull(record.name) ?? id,
    fullName: lineOrNull(record.full_name),
    homepage: lineOrNull(record.homepage),
    description: textOrNull(record.description),
    paper: paperReferenceOrNull(record.paper),
    introducedDate: isoDayOrNull(record.introduced_date),
    modalities: lineList(record.modalities),
    languages: lineList(record.languages),
    taskIds: taskIdsOf(record.tasks, context),
    variants: lineList(record.variants),
    numPapers: finiteNumberOrNull(record.num_papers),
    dataLoaders: dataLoadersOf(record.data_loaders),
    warning: textOrNull(record.warning)
  }
}

export function createDatasetsNormalizer(context: NormalizationContext): DumpNormalizer {
  const stats = createNormalizationStats()
  return {
    kind: 'datasets',
    ownedTables: ['datasets'],
    stats,
    add(raw, into) {
      stats.records++
      into.datasets.push(normalizeDatasetRecord(raw, context))
    },
    finish() {}
  }
}
