/** `methods` records → `MethodRecord`. */
import type { MethodCollectionRecord, MethodRecord } from './entities'
import { createNormalizationStats, type DumpNormalizer, type NormalizationContext } from './dumpNormalizer'
import { idFromEntityUrl, paperReferenceOrNull } from './pwcReferences'
import type { RawMethod, RawMethodCollection } from './rawDumpTypes'
import { expectRawObject, finiteNumberOrNull, lineOrNull, objectList, textOrNull } from './rawFields'

// 1,866 of the 1,924 methods of 2022 say 2000: the dump's value for "unknown", not a year.
const PLACEHOLDER_YEAR = 2000

function collectionsOf(value: unknown): MethodCollectionRecord[] {
  const collections: MethodCollectionRecord[] = []
  for (const item of objectList<RawMethodCollection>(value)) {
    const collection = lineOrNull(item.collection)
    if (collection !== null) {
      collections.push({ collection, areaId: lineOrNull(item.area_id), area: lineOrNull(item.area) })
    }
  }
  return collections
}

export function normalizeMethodRecord(raw: unknown): MethodRecord {
  const record = expectRawObject<RawMethod>(raw, 'a methods record')
  const id = idFromEntityUrl(record, 'a method')
  const year = finiteNumberOrNull(record.introduced_year)
  return {
    id,
    name: lineOrNull(record.name) ?? id,
    fullName: lineOrNull(record.full_name),
    description: textOrNull(record.description),
    paper: paperReferenceOrNull(record.paper),
    introducedYear: year === PLACEHOLDER_YEAR ? null : year,
    sourceUrl: lineOrNull(record.source_url),
    sourceTitle: lineOrNull(record.source_title),
    codeSnippetUrl: lineOrNull(record.code_snippet_url),
    numPapers: finiteNumberOrNull(record.num_papers),
    collections: collectionsOf(record.collections)
  }
}

export function createMethodsNormalizer(context: NormalizationContext): DumpNormalizer {
  const stats = createNormalizationStats()
  return {
    kind: 'methods',
    ownedTables: ['methods'],
    stats,
    add(raw, into) {
      stats.records++
      const method = normalizeMethodRecord(raw)
      // Papers embed methods by name only; this is how their ids reach the papers import.
      if (!context.methodIdsByName.has(method.name)) context.methodIdsByName.set(method.name, method.id)
      into.methods.push(method)
    },
    finish() {}
  }
}
