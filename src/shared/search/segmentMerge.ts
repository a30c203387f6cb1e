/**
 * Merges segments into one, dropping deleted papers: how small segments left by incremental
 * updates are folded together and how deletions are finally reclaimed.
 *
 * It works on postings, not text: the papers' text is not in memory (it lives in the database),
 * and re-encoding postings is an order of magnitude faster than re-tokenizing abstracts.
 */
import { ByteWriter, GrowableArray, writeVarint } from './byteCoding'
import {
  AUTHOR_MARK,
  computeLengthTotals,
  packIds,
  PaperSegment,
  readAbstractHeader,
  TAG_KINDS,
  type PostingsGroup,
  type RowList,
  type SegmentColumns,
  type SegmentTables,
  type TagKind
} from './paperSegment'
import { TermDictionary } from './termDictionary'
import { ALL_TF_ONE } from './paperSegment'
import { forEachAbstractPosting, forEachHeadPosting } from './postingsReading'

interface NameRemap {
  names: string[]
  /** Per source segment: old id → merged id. */
  maps: Uint32Array[]
}

function mergeNames(tables: readonly string[][]): NameRemap {
  const names: string[] = []
  const ids = new Map<string, number>()
  const maps = tables.map((table) =>
    Uint32Array.from(table, (name) => {
      let id = ids.get(name)
      if (id === undefined) {
        id = names.length
        ids.set(name, id)
        names.push(name)
      }
      return id
    })
  )
  return { names, maps }
}

/** K-way merge of sorted vocabularies; returns the merged terms and each source's id map. */
function mergeDictionaries(dictionaries: readonly TermDictionary[]): {
  terms: string[]
  maps: Uint32Array[]
} {
  const terms: string[] = []
  const maps = dictionaries.map((dictionary) => new Uint32Array(dictionary.size))
  const positions = dictionaries.map(() => 0)
  const heads = dictionaries.map((dictionary) => (dictionary.size > 0 ? dictionary.term(0) : null))
  for (;;) {
    let smallest: string | null = null
    for (const head of heads) {
      if (head !== null && (smallest === null || head < smallest)) smallest = head
    }
    if (smallest === null) break
    const mergedId = terms.length
    terms.push(smallest)
    heads.forEach((head, source) => {
      if (head !== smallest) return
      maps[source][positions[source]] = mergedId
      positions[source] += 1
      const dictionary = dictionaries[source]
      heads[source] = positions[source] < dictionary.size ? dictionary.term(positions[source]) : null
    })
  }
  return { terms, maps }
}

function invertMap(map: Uint32Array, size: number): Int32Array {
  const inverse = new Int32Array(size).fill(-1)
  map.forEach((merged, local) => {
    inverse[merged] = local
  })
  return inverse
}

/** Every source segment must have its abstract and sequences attached. */
export function mergeSegments(sources: readonly PaperSegment[]): PaperSegment {
  for (const source of sources) {
    if (!source.hasAbstract || !source.hasSequences) {
      throw new Error('mergeSegments: a segment is still loading its abstract or sequences')
    }
  }
  // Old doc → new doc per source; -1 for deleted papers.
  let docCount = 0
  const docMaps = sources.map((source) => {
    const map = new Int32Array(source.docCount)
    for (let doc = 0; doc < source.docCount; doc += 1) {
      map[doc] = source.isDeleted(doc) ? -1 : docCount++
    }
    return map
  })

  const { terms, maps: termMaps } = mergeDictionaries(sources.map((source) => source.data.dictionary))
  const localIds = termMaps.map((map) => invertMap(map, terms.length))
  const head = mergeHeadPostings(sources, terms.length, localIds, docMaps)
  const abstract = mergeAbstractPostings(sources, terms.length, localIds, docMaps)

  const tables = mergeTables(sources)
  const columns = mergeColumns(sources, docMaps, tables.remaps, docCount)
  const sequences = mergeSequences(sources, docMaps, termMaps)

  const ids: string[] = []
  sources.forEach((source, index) => {
    for (let doc = 0; doc < source.docCount; doc += 1) if (docMaps[index][doc] >= 0) ids.push(source.id(doc))
  })
  return new PaperSegment({
    docCount,
    ...packIds(ids),
    dictionary: TermDictionary.fromSortedTerms(terms),
    head,
    abstract,
    sequences,
    columns,
    tables: tables.tables,
    lengthTotals: computeLengthTotals(columns),
    deleted: new Uint8Array(docCount)
  })
}

function mergeHeadPostings(
  sources: readonly PaperSegment[],
  termCount: number,
  localIds: readonly Int32Array[],
  docMaps: readonly Int32Array[]
): PostingsGroup {
  const out = new ByteWriter(1 << 20)
  const entries = new ByteWriter(1 << 16)
  const starts = new Uint32Array(termCount + 1)
  const dfs = new Uint32Array(4)
  for (let term = 0; term < termCount; term += 1) {
    starts[term] = out.length
    entries.reset()
    dfs.fill(0)
    let previous = -1
    sources.forEach((source, index) => {
      const local = localIds[index][term]
      if (local < 0) return
      const docMap = docMaps[index]
      forEachHeadPosting(source.data.head, local, (doc, mask, tfs) => {
        const newDoc = docMap[doc]
        if (newDoc < 0) return
        entries.varint(newDoc - previous - 1)
        previous = newDoc
        let allOne = true
        for (let field = 0; field < 4; field += 1) {
          if ((mask & (1 << field)) === 0) continue
          dfs[field] += 1
          if (tfs[field] !== 1) allOne = false
        }
        entries.byte(mask | (allOne ? ALL_TF_ONE : 0))
        if (!allOne) {
          for (let field = 0; field < 4; field += 1)
            if ((mask & (1 << field)) !== 0) entries.varint(tfs[field] - 1)
        }
      })
    })
    if (entries.length === 0) continue
    for (let field = 0; field < 4; field += 1) out.varint(dfs[field])
    out.bytes(entries.view())
  }
  starts[termCount] = out.length
  return { starts, bytes: out.finish() }
}

function mergeAbstractPostings(
  sources: readonly PaperSegment[],
  termCount: number,
  localIds: readonly Int32Array[],
  docMaps: readonly Int32Array[]
): PostingsGroup {
  const out = new ByteWriter(1 << 20)
  const entries = new ByteWriter(1 << 16)
  const starts = new Uint32Array(termCount + 1)
  const header = new Uint8Array(5)
  for (let term = 0; term < termCount; term += 1) {
    starts[term] = out.length
    entries.reset()
    let df = 0
    let previous = -1
    sources.forEach((source, index) => {
      const local = localIds[index][term]
      const group = source.data.abstract as PostingsGroup
      if (local < 0 || readAbstractHeader(group, local)[0] === 0) return
      const docMap = docMaps[index]
      forEachAbstractPosting(group, local, (doc, tf) => {
        const newDoc = docMap[doc]
        if (newDoc < 0) return
        entries.varint((newDoc - previous - 1) * 2 + (tf > 1 ? 1 : 0))
        if (tf > 1) entries.varint(tf - 2)
        previous = newDoc
        df += 1
      })
    })
    if (df === 0) continue
    out.bytes(header.subarray(0, writeVarint(header, 0, df)))
    out.bytes(entries.view())
  }
  starts[termCount] = out.length
  return { starts, bytes: out.finish() }
}

function mergeTables(sources: readonly PaperSegment[]): {
  tables: SegmentTables
  remaps: Record<keyof SegmentTables, Uint32Array[]>
} {
  const merged = {
    venues: mergeNames(sources.map((source) => source.data.tables.venues)),
    frameworks: mergeNames(sources.map((source) => source.data.tables.frameworks)),
    tasks: mergeNames(sources.map((source) => source.data.tables.tasks)),
    datasets: mergeNames(sources.map((source) => source.data.tables.datasets)),
    methods: mergeNames(sources.map((source) => source.data.tables.methods))
  }
  return {
    tables: {
      venues: merged.venues.names,
      frameworks: merged.frameworks.names,
      tasks: merged.tasks.names,
      datasets: merged.datasets.names,
      methods: merged.methods.names
    },
    remaps: {
      venues: merged.venues.maps,
      frameworks: merged.frameworks.maps,
      tasks: merged.tasks.maps,
      datasets: merged.datasets.maps,
      methods: merged.methods.maps
    }
  }
}

function mergeColumns(
  sources: readonly PaperSegment[],
  docMaps: readonly Int32Array[],
  remaps: Record<keyof SegmentTables, Uint32Array[]>,
  docCount: number
): SegmentColumns {
  const columns: SegmentColumns = {
    year: new Uint16Array(docCount),
    date: new Uint32Array(docCount),
    flags: new Uint8Array(docCount),
    venue: new Uint32Array(docCount),
    frameworks: new Uint32Array(docCount),
    titleLength: new Uint16Array(docCount),
    authorsLength: new Uint16Array(docCount),
    tasksLength: new Uint16Array(docCount),
    venueLength: new Uint16Array(docCount),
    abstractLength: new Uint16Array(docCount),
    tags: { tasks: emptyRows(), datasets: emptyRows(), methods: emptyRows() }
  }
  const copied = [
    'year',
    'date',
    'flags',
    'titleLength',
    'authorsLength',
    'tasksLength',
    'venueLength',
    'abstractLength'
  ] as const
  const tagBuilders = Object.fromEntries(
    TAG_KINDS.map((kind) => [
      kind,
      { starts: new GrowableArray(Uint32Array), values: new GrowableArray(Uint32Array) }
    ])
  ) as Record<TagKind, { starts: GrowableArray<Uint32Array>; values: GrowableArray<Uint32Array> }>
  for (const kind of TAG_KINDS) tagBuilders[kind].starts.push(0)

  sources.forEach((source, index) => {
    const from = source.data.columns
    const docMap = docMaps[index]
    const frameworkMap = remaps.frameworks[index]
    for (let doc = 0; doc < source.docCount; doc += 1) {
      const to = docMap[doc]
      if (to < 0) continue
      for (const name of copied) columns[name][to] = from[name][doc]
      columns.venue[to] = from.venue[doc] === 0 ? 0 : remaps.venues[index][from.venue[doc] - 1] + 1
      let bits = 0
      for (let bit = 0; bit < frameworkMap.length; bit += 1) {
        if ((from.frameworks[doc] & (1 << bit)) !== 0) bits |= 1 << Math.min(frameworkMap[bit], 31)
      }
      columns.frameworks[to] = bits >>> 0
      for (const kind of TAG_KINDS) {
        const rows = from.tags[kind]
        const builder = tagBuilders[kind]
        for (let i = rows.starts[doc]; i < rows.starts[doc + 1]; i += 1) {
          builder.values.push(remaps[kind][index][rows.values[i]])
        }
        builder.starts.push(builder.values.length)
      }
    }
  })
  for (const kind of TAG_KINDS) {
    columns.tags[kind] = {
      starts: tagBuilders[kind].starts.finish(),
      values: tagBuilders[kind].values.finish()
    }
  }
  return columns
}

function emptyRows(): RowList {
  return { starts: new Uint32Array(1), values: new Uint32Array(0) }
}

function mergeSequences(
  sources: readonly PaperSegment[],
  docMaps: readonly Int32Array[],
  termMaps: readonly Uint32Array[]
): RowList {
  const starts = new GrowableArray(Uint32Array)
  const values = new GrowableArray(Uint32Array)
  starts.push(0)
  sources.forEach((source, index) => {
    const rows = source.data.sequences as RowList
    for (let doc = 0; doc < source.docCount; doc += 1) {
      if (docMaps[index][doc] < 0) continue
      for (let i = rows.starts[doc]; i < rows.starts[doc + 1]; i += 1) {
        const value = rows.values[i]
        values.push(value === AUTHOR_MARK ? AUTHOR_MARK : termMaps[index][value])
      }
      starts.push(values.length)
    }
  })
  return { starts: starts.finish(), values: values.finish() }
}
