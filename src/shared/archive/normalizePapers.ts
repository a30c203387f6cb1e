/**
 * `papers-with-abstracts` records → `PaperRecord`. The embedded method objects (the dump's bulk:
 * keeping ids instead roughly halves what is stored, FACTS.md) become method ids, task names
 * become task ids.
 */
import type { PaperRecord } from './entities'
import {
  createNormalizationStats,
  taskIdForName,
  type DumpNormalizer,
  type NormalizationContext
} from './dumpNormalizer'
import { paperPageLinks } from './paperFacts'
import { normalizeArxivId, paperTitleKey } from './paperKeys'
import {
  expectRawObject,
  expectText,
  isoDayOrNull,
  lineList,
  lineOrNull,
  objectList,
  pushUnique,
  textOrNull
} from './rawFields'
import { paperIdFromUrl } from './pwcReferences'
import type { RawPaper, RawPaperMethod } from './rawDumpTypes'
import { pwcSlug } from './slug'

export function normalizePaperRecord(raw: unknown, context: NormalizationContext): PaperRecord {
  const record = expectRawObject<RawPaper>(raw, 'a papers-with-abstracts record')
  const id = paperIdFromUrl(expectText(record, 'paper_url', 'a paper'), 'a paper')
  const title = lineOrNull(record.title) ?? ''
  const taskIds: string[] = []
  for (const name of lineList(record.tasks)) pushUnique(taskIds, taskIdForName(context, name))
  const methodIds: string[] = []
  for (const method of objectList<RawPaperMethod>(record.methods)) {
    const name = lineOrNull(method.name)
    if (name !== null) pushUnique(methodIds, context.methodIdsByName.get(name) ?? pwcSlug(name, 'method'))
  }
  const arxivId = normalizeArxivId(record.arxiv_id)
  return {
    id,
    arxivId,
    title,
    titleKey: paperTitleKey(title),
    abstract: textOrNull(record.abstract),
    authors: lineList(record.authors),
    taskIds,
    date: isoDayOrNull(record.date),
    proceeding: lineOrNull(record.proceeding),
    conference: lineOrNull(record.conference),
    ...paperPageLinks(arxivId, lineOrNull(record.url_abs), lineOrNull(record.url_pdf)),
    methodIds,
    isStub: false
  }
}

export function createPapersNormalizer(context: NormalizationContext): DumpNormalizer {
  const stats = createNormalizationStats()
  return {
    kind: 'papers',
    ownedTables: ['papers'],
    stats,
    add(raw, into) {
      stats.records++
      into.papers.push(normalizePaperRecord(raw, context))
    },
    finish() {}
  }
}
