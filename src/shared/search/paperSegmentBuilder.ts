/**
 * Builds one `PaperSegment` from papers added one at a time (a sync streams them in).
 *
 * Two passes over a compact forward index (per paper: its distinct term ids and frequencies)
 * rather than per-term growable lists: a million small arrays would cost more than the postings
 * themselves. The first pass also counts each term's exact encoded size, so the second pass
 * writes every postings list straight into one exactly-sized buffer.
 */
import { ByteWriter, GrowableArray, ensureLength, varintSize, VarintReader, writeVarint } from './byteCoding'
import {
  ALL_TF_ONE,
  AUTHOR_MARK,
  computeLengthTotals,
  packIds,
  PaperSegment,
  TAG_KINDS,
  type PostingsGroup,
  type RowList,
  type SegmentColumns,
  type TagKind
} from './paperSegment'
import type { SearchablePaper } from './searchDocuments'
import { TermDictionary } from './termDictionary'
import { TermInterner } from './termInterner'
import { codeFlags, FrameworkBits } from './codeFacts'
import { NameTable } from './nameTable'

// Hot loops read these as module constants: transpilers that compile imports to getters
// (tsx, vite-node) would otherwise call a function per posting.
const TF_ONE = ALL_TF_ONE
const AUTHOR_SEPARATOR = AUTHOR_MARK

const FIELD_COUNT = 5
const ABSTRACT = 4
const ABSTRACT_PRESENT = 0x20
const MAX_TF = 0xffff

// Offsets of a term's counters in `stats`.
const STRIDE = 16
/** Doc + 1 that last saw the term, and where its frequencies sit in `localTf`. */
const SEEN_IN_DOC = 0
const SLOT_IN_DOC = 1
const HEAD_DF = 2 // four fields: 2..5
const HEAD_SIZE = 6
const ABSTRACT_DF = 7
const ABSTRACT_SIZE = 8
/** Last doc + 1 that has the term (0: none yet), for gap sizes. */
const LAST_HEAD_DOC = 9
const LAST_ABSTRACT_DOC = 10
const HEAD_CURSOR = 11
const ABSTRACT_CURSOR = 12

class RowListBuilder {
  private readonly starts = new GrowableArray(Uint32Array)
  private readonly values = new GrowableArray(Uint32Array)

  constructor() {
    this.starts.push(0)
  }

  addRow(row: readonly number[]): void {
    for (const value of row) this.values.push(value)
    this.starts.push(this.values.length)
  }

  finish(): RowList {
    return { starts: this.starts.finish(), values: this.values.finish() }
  }
}

/** `2019-07-04` → 20190704; 0 when the date is missing or malformed. */
export function dateKey(date: string | null): number {
  if (date === null) return 0
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  return match ? Number(match[1]) * 10000 + Number(match[2]) * 100 + Number(match[3]) : 0
}

export class PaperSegmentBuilder {
  private readonly interner = new TermInterner()
  private readonly termScratch: number[] = []
  /**
   * Per term (by interned id), `STRIDE` counters side by side (see `SEEN_IN_DOC` …): every
   * token touches its term's counters, and one cache line per term instead of eight separate
   * arrays made the build ~2× faster.
   */
  private stats = new Uint32Array(4096 * STRIDE)

  private readonly forward = new ByteWriter(1 << 20)
  private localTerms: number[] = []
  private localTf = new Uint32Array(256 * FIELD_COUNT)

  private readonly ids: string[] = []
  private readonly idToDoc = new Map<string, number>()
  private readonly deletedDocs = new Set<number>()
  private readonly year = new GrowableArray(Uint16Array)
  private readonly date = new GrowableArray(Uint32Array)
  private readonly flags = new GrowableArray(Uint8Array)
  private readonly venue = new GrowableArray(Uint32Array)
  private readonly frameworkBits = new GrowableArray(Uint32Array)
  private readonly lengths = Array.from({ length: FIELD_COUNT }, () => new GrowableArray(Uint16Array))
  private readonly sequences = new RowListBuilder()
  private readonly tagRows: Record<TagKind, RowListBuilder> = {
    tasks: new RowListBuilder(),
    datasets: new RowListBuilder(),
    methods: new RowListBuilder()
  }
  private readonly tables = {
    venues: new NameTable(),
    tasks: new NameTable(),
    datasets: new NameTable(),
    methods: new NameTable()
  }
  private readonly frameworks = new FrameworkBits()
  private sealed = false

  get docCount(): number {
    return this.ids.length
  }

  get liveCount(): number {
    return this.ids.length - this.deletedDocs.size
  }

  /** The local doc of a live paper added to this builder, or -1. */
  findLiveDoc(id: string): number {
    const doc = this.idToDoc.get(id)
    return doc === undefined || this.deletedDocs.has(doc) ? -1 : doc
  }

  markDeleted(doc: number): void {
    this.deletedDocs.add(doc)
  }

  private ensureTermCapacity(termCount: number): void {
    if (termCount * STRIDE > this.stats.length) this.stats = ensureLength(this.stats, termCount * STRIDE)
  }

  /** The term ids of `text` as `analyzeFieldText(text, field)` would cut it. */
  private termsOf(text: string, field: string): number[] {
    this.interner.internText(text, field === 'authors', this.termScratch)
    this.ensureTermCapacity(this.interner.size)
    return this.termScratch
  }

  /** Counts one occurrence of term `id` in `field` of doc `doc`. */
  private count(doc: number, field: number, id: number, fieldLengths: number[]): void {
    const stats = this.stats
    const base = id * STRIDE
    let slot: number
    if (stats[base + SEEN_IN_DOC] !== doc + 1) {
      stats[base + SEEN_IN_DOC] = doc + 1
      slot = this.localTerms.length
      stats[base + SLOT_IN_DOC] = slot
      this.localTerms.push(id)
      const local = slot * FIELD_COUNT
      if (local + FIELD_COUNT > this.localTf.length)
        this.localTf = ensureLength(this.localTf, local + FIELD_COUNT)
      this.localTf.fill(0, local, local + FIELD_COUNT)
    } else {
      slot = stats[base + SLOT_IN_DOC]
    }
    const index = slot * FIELD_COUNT + field
    if (this.localTf[index] === 0) fieldLengths[field] += 1
    if (this.localTf[index] < MAX_TF) this.localTf[index] += 1
  }

  add(paper: SearchablePaper): void {
    if (this.sealed) throw new Error('PaperSegmentBuilder: add after seal')
    const doc = this.ids.length
    const previous = this.idToDoc.get(paper.id)
    if (previous !== undefined) this.deletedDocs.add(previous)
    this.ids.push(paper.id)
    this.idToDoc.set(paper.id, doc)

    this.localTerms = []
    const fieldLengths = [0, 0, 0, 0, 0]
    const sequence: number[] = []
    for (const id of this.termsOf(paper.title, 'title')) {
      this.count(doc, 0, id, fieldLengths)
      sequence.push(id)
    }
    for (const author of paper.authors) {
      sequence.push(AUTHOR_SEPARATOR)
      for (const id of this.termsOf(author, 'authors')) {
        this.count(doc, 1, id, fieldLengths)
        sequence.push(id)
      }
    }
    for (const task of paper.tasks) {
      for (const id of this.termsOf(task, 'tasks')) this.count(doc, 2, id, fieldLengths)
    }
    if (paper.venue) {
      for (const id of this.termsOf(paper.venue, 'venue')) this.count(doc, 3, id, fieldLengths)
    }
    for (const id of this.termsOf(paper.abstract, 'abstract')) this.count(doc, ABSTRACT, id, fieldLengths)
    for (const model of paper.models ?? []) {
      for (const id of this.termsOf(model, 'abstract')) this.count(doc, ABSTRACT, id, fieldLengths)
    }
    this.writeForward(doc)

    this.sequences.addRow(sequence)
    fieldLengths.forEach((length, field) => this.lengths[field].push(Math.min(length, 0xffff)))
    this.year.push(paper.year !== null && paper.year > 0 && paper.year < 0xffff ? paper.year : 0)
    this.date.push(dateKey(paper.date))
    this.flags.push(codeFlags(paper))
    this.venue.push(paper.venue ? this.tables.venues.idOf(paper.venue) + 1 : 0)
    this.frameworkBits.push(this.frameworks.bitsOf(paper.frameworks))
    const tagValues: Record<TagKind, readonly string[]> = {
      tasks: paper.tasks,
      datasets: paper.datasets ?? [],
      methods: paper.methods ?? []
    }
    for (const kind of TAG_KINDS) {
      const row = [...new Set(tagValues[kind])].map((name) => this.tables[kind].idOf(name))
      this.tagRows[kind].addRow(row)
    }
  }

  /** Appends the doc's distinct terms to the forward index and counts their postings bytes. */
  private writeForward(doc: number): void {
    const forward = this.forward
    const stats = this.stats
    forward.varint(this.localTerms.length)
    for (let slot = 0; slot < this.localTerms.length; slot += 1) {
      const id = this.localTerms[slot]
      const base = slot * FIELD_COUNT
      let mask = 0
      let allOne = true
      let tfBytes = 0
      for (let field = 0; field < 4; field += 1) {
        const tf = this.localTf[base + field]
        if (tf === 0) continue
        mask |= 1 << field
        stats[id * STRIDE + HEAD_DF + field] += 1
        if (tf !== 1) allOne = false
        tfBytes += varintSize(tf - 1)
      }
      const abstractTf = this.localTf[base + ABSTRACT]
      forward.varint(id)
      forward.byte(mask | (allOne ? TF_ONE : 0) | (abstractTf > 0 ? ABSTRACT_PRESENT : 0))
      if (mask !== 0) {
        if (!allOne) {
          for (let field = 0; field < 4; field += 1) {
            const tf = this.localTf[base + field]
            if (tf !== 0) forward.varint(tf - 1)
          }
        }
        const gap = doc - stats[id * STRIDE + LAST_HEAD_DOC]
        stats[id * STRIDE + HEAD_SIZE] += varintSize(gap) + 1 + (allOne ? 0 : tfBytes)
        stats[id * STRIDE + LAST_HEAD_DOC] = doc + 1
      }
      if (abstractTf > 0) {
        forward.varint(abstractTf - 1)
        const gapValue = (doc - stats[id * STRIDE + LAST_ABSTRACT_DOC]) * 2 + (abstractTf > 1 ? 1 : 0)
        stats[id * STRIDE + ABSTRACT_SIZE] +=
          varintSize(gapValue) + (abstractTf > 1 ? varintSize(abstractTf - 2) : 0)
        stats[id * STRIDE + ABSTRACT_DF] += 1
        stats[id * STRIDE + LAST_ABSTRACT_DOC] = doc + 1
      }
    }
  }

  /** Finishes the segment; the builder cannot be used afterwards. */
  seal(): PaperSegment {
    this.sealed = true
    const terms = this.interner.terms
    const stats = this.stats
    // Interned stop words and one-letter tokens outside author names have no postings: leave
    // them out of the vocabulary.
    const order: number[] = []
    for (let id = 0; id < terms.length; id += 1) {
      if (stats[id * STRIDE + HEAD_SIZE] > 0 || stats[id * STRIDE + ABSTRACT_SIZE] > 0) order.push(id)
    }
    order.sort((a, b) => (terms[a] < terms[b] ? -1 : 1))
    const rank = new Uint32Array(terms.length)
    order.forEach((id, sortedIndex) => {
      rank[id] = sortedIndex
    })

    const head = this.allocateGroup(order, (id) => {
      if (stats[id * STRIDE + HEAD_SIZE] === 0) return 0
      let header = 0
      for (let field = 0; field < 4; field += 1) header += varintSize(stats[id * STRIDE + HEAD_DF + field])
      return header + stats[id * STRIDE + HEAD_SIZE]
    })
    const abstract = this.allocateGroup(order, (id) =>
      stats[id * STRIDE + ABSTRACT_SIZE] === 0
        ? 0
        : varintSize(stats[id * STRIDE + ABSTRACT_DF]) + stats[id * STRIDE + ABSTRACT_SIZE]
    )
    for (const id of order) {
      const base = id * STRIDE
      let position = head.starts[rank[id]]
      if (stats[base + HEAD_SIZE] > 0) {
        for (let field = 0; field < 4; field += 1) {
          position = writeVarint(head.bytes, position, stats[base + HEAD_DF + field])
        }
      }
      stats[base + HEAD_CURSOR] = position
      stats[base + ABSTRACT_CURSOR] =
        stats[base + ABSTRACT_SIZE] > 0
          ? writeVarint(abstract.bytes, abstract.starts[rank[id]], stats[base + ABSTRACT_DF])
          : abstract.starts[rank[id]]
      stats[base + LAST_HEAD_DOC] = 0
      stats[base + LAST_ABSTRACT_DOC] = 0
    }
    this.writePostings(head, abstract)

    const sequences = this.sequences.finish()
    for (let i = 0; i < sequences.values.length; i += 1) {
      if (sequences.values[i] !== AUTHOR_SEPARATOR) sequences.values[i] = rank[sequences.values[i]]
    }
    const docCount = this.ids.length
    const deleted = new Uint8Array(docCount)
    for (const doc of this.deletedDocs) deleted[doc] = 1
    const columns: SegmentColumns = {
      year: this.year.finish(),
      date: this.date.finish(),
      flags: this.flags.finish(),
      venue: this.venue.finish(),
      frameworks: this.frameworkBits.finish(),
      titleLength: this.lengths[0].finish(),
      authorsLength: this.lengths[1].finish(),
      tasksLength: this.lengths[2].finish(),
      venueLength: this.lengths[3].finish(),
      abstractLength: this.lengths[4].finish(),
      tags: {
        tasks: this.tagRows.tasks.finish(),
        datasets: this.tagRows.datasets.finish(),
        methods: this.tagRows.methods.finish()
      }
    }
    return new PaperSegment({
      docCount,
      ...packIds(this.ids),
      dictionary: TermDictionary.fromSortedTerms(order.map((id) => terms[id])),
      head,
      abstract,
      sequences,
      columns,
      tables: {
        venues: this.tables.venues.names,
        frameworks: this.frameworks.names,
        tasks: this.tables.tasks.names,
        datasets: this.tables.datasets.names,
        methods: this.tables.methods.names
      },
      lengthTotals: computeLengthTotals(columns),
      deleted
    })
  }

  private allocateGroup(order: readonly number[], sizeOf: (id: number) => number): PostingsGroup {
    const starts = new Uint32Array(order.length + 1)
    let total = 0
    order.forEach((id, sortedIndex) => {
      starts[sortedIndex] = total
      total += sizeOf(id)
    })
    if (total > 0xffffffff) throw new Error('PaperSegmentBuilder: segment postings exceed 4 GB')
    starts[order.length] = total
    return { starts, bytes: new Uint8Array(total) }
  }

  /** Second pass: replays the forward index into the postings buffers. */
  private writePostings(head: PostingsGroup, abstract: PostingsGroup): void {
    const stats = this.stats
    const forwardBytes = this.forward.view()
    const reader = new VarintReader(forwardBytes, 0, forwardBytes.length)
    for (let doc = 0; !reader.done; doc += 1) {
      const termCount = reader.next()
      for (let i = 0; i < termCount; i += 1) {
        const base = reader.next() * STRIDE
        const flags = forwardBytes[reader.position++]
        const mask = flags & 0x0f
        if (mask !== 0) {
          let position = writeVarint(head.bytes, stats[base + HEAD_CURSOR], doc - stats[base + LAST_HEAD_DOC])
          head.bytes[position++] = flags & (0x0f | TF_ONE)
          if ((flags & TF_ONE) === 0) {
            for (let field = 0; field < 4; field += 1) {
              if ((mask & (1 << field)) !== 0) position = writeVarint(head.bytes, position, reader.next())
            }
          }
          stats[base + HEAD_CURSOR] = position
          stats[base + LAST_HEAD_DOC] = doc + 1
        }
        if ((flags & ABSTRACT_PRESENT) !== 0) {
          const tfMinusOne = reader.next()
          const gapValue = (doc - stats[base + LAST_ABSTRACT_DOC]) * 2 + (tfMinusOne > 0 ? 1 : 0)
          let position = writeVarint(abstract.bytes, stats[base + ABSTRACT_CURSOR], gapValue)
          if (tfMinusOne > 0) position = writeVarint(abstract.bytes, position, tfMinusOne - 1)
          stats[base + ABSTRACT_CURSOR] = position
          stats[base + LAST_ABSTRACT_DOC] = doc + 1
        }
      }
    }
  }
}
