/**
 * Facet counts over every match of a query (not just the page): years, tasks, venues,
 * frameworks, with code, with official code. Counted per segment in typed arrays indexed by
 * the segment's name ids, then merged by name.
 */
import { FLAG_HAS_CODE, FLAG_OFFICIAL_CODE, type PaperSegment } from './paperSegment'
import type { FacetCount, PaperFacets } from './paperSearchResponse'

const HAS_CODE = FLAG_HAS_CODE
const OFFICIAL_CODE = FLAG_OFFICIAL_CODE
/** Years from 1800 to 2310 get a facet slot; others (and unknown years) are not counted. */
const MIN_FACET_YEAR = 1800

/** The `limit` largest counts, ties by name; a bounded insertion keeps this linear for thousands of tasks. */
function topCounts(map: Map<string, number>, limit: number): FacetCount[] {
  const top: FacetCount[] = []
  if (limit <= 0) return top
  const before = (a: FacetCount, b: FacetCount): boolean =>
    a.count > b.count || (a.count === b.count && a.value < b.value)
  for (const [value, count] of map) {
    const entry = { value, count }
    if (top.length === limit && !before(entry, top[limit - 1])) continue
    let position = top.length === limit ? limit - 1 : top.length
    if (top.length < limit) top.push(entry)
    while (position > 0 && before(entry, top[position - 1])) {
      top[position] = top[position - 1]
      position -= 1
    }
    top[position] = entry
  }
  return top
}

function bump<K>(map: Map<K, number>, key: K, count: number): void {
  if (count > 0) map.set(key, (map.get(key) ?? 0) + count)
}

/**
 * Per paper, year, venue and code flags packed in one number (bits 0–1 flags, 2–10 year − 1799
 * or 0, 11–31 venue id + 1), and its framework as a slot (0 none, bit + 1 for one framework,
 * `SEVERAL_FRAMEWORKS`), built once per segment: the facet loop then reads two columns instead
 * of four and takes no branch for the usual paper with at most one framework.
 */
interface PackedFacets {
  packed: Uint32Array
  frameworkSlots: Uint8Array
}

const packedFacetColumns = new WeakMap<PaperSegment, PackedFacets>()
const YEAR_SHIFT = 2
const VENUE_SHIFT = 11
const YEAR_BITS = 0x1ff
const SEVERAL_FRAMEWORKS = 0xff

function packedFacets(segment: PaperSegment): PackedFacets {
  let columns = packedFacetColumns.get(segment)
  if (columns === undefined) {
    const { year, venue, flags, frameworks } = segment.data.columns
    const packed = new Uint32Array(segment.docCount)
    const frameworkSlots = new Uint8Array(segment.docCount)
    for (let doc = 0; doc < packed.length; doc += 1) {
      const yearSlot =
        year[doc] >= MIN_FACET_YEAR && year[doc] - MIN_FACET_YEAR < YEAR_BITS
          ? year[doc] - MIN_FACET_YEAR + 1
          : 0
      packed[doc] = ((venue[doc] << VENUE_SHIFT) | (yearSlot << YEAR_SHIFT) | (flags[doc] & 3)) >>> 0
      const bits = frameworks[doc]
      frameworkSlots[doc] =
        bits === 0 ? 0 : (bits & (bits - 1)) === 0 ? 32 - Math.clz32(bits) : SEVERAL_FRAMEWORKS
    }
    columns = { packed, frameworkSlots }
    packedFacetColumns.set(segment, columns)
  }
  return columns
}

/** One segment's counts, indexed by its own name ids (see `FacetCounter.add`). */
interface SegmentCounts {
  /** By year slot (see `packedFacets`); slot 0 is "unknown". */
  years: Uint32Array
  /** By venue id + 1; 0 is "none". */
  venues: Uint32Array
  tasks: Uint32Array
  frameworks: Uint32Array
  hasCode: number
  officialCode: number
}

function countDocs(segment: PaperSegment, docs: Int32Array): SegmentCounts {
  const { columns, tables } = segment.data
  const { packed, frameworkSlots } = packedFacets(segment)
  const years = new Uint32Array(YEAR_BITS + 1)
  const venues = new Uint32Array(tables.venues.length + 1)
  const tasks = new Uint32Array(tables.tasks.length)
  // By slot: 0 none, 1–32 one framework (bit + 1), and the several-frameworks slot.
  const bySlot = new Uint32Array(SEVERAL_FRAMEWORKS + 1)
  const frameworks = new Uint32Array(32)
  const { starts, values } = columns.tags.tasks
  const frameworkColumn = columns.frameworks
  // Locals, not fields: this loop runs once per match (300k+ for a common word).
  let hasCode = 0
  let officialCode = 0
  for (let i = 0; i < docs.length; i += 1) {
    const doc = docs[i]
    const key = packed[doc]
    years[(key >>> YEAR_SHIFT) & YEAR_BITS] += 1
    venues[key >>> VENUE_SHIFT] += 1
    hasCode += key & HAS_CODE
    officialCode += (key & OFFICIAL_CODE) >>> 1
    const end = starts[doc + 1]
    for (let t = starts[doc]; t < end; t += 1) tasks[values[t]] += 1
    const slot = frameworkSlots[doc]
    bySlot[slot] += 1
    if (slot === SEVERAL_FRAMEWORKS) {
      const bits = frameworkColumn[doc]
      for (let rest = bits; rest !== 0; rest &= rest - 1) frameworks[31 - Math.clz32(rest & -rest)] += 1
    }
  }
  for (let bit = 0; bit < 32; bit += 1) frameworks[bit] += bySlot[bit + 1]
  return { years, venues, tasks, frameworks, hasCode, officialCode }
}

/** Counts over every live paper of a segment; deletions only ever add up, so the live count dates them. */
const liveCountsBySegment = new WeakMap<PaperSegment, { liveCount: number; counts: SegmentCounts }>()

function liveCounts(segment: PaperSegment): SegmentCounts {
  const cached = liveCountsBySegment.get(segment)
  if (cached !== undefined && cached.liveCount === segment.liveCount) return cached.counts
  const { deleted } = segment.data
  const live = new Int32Array(segment.liveCount)
  let next = 0
  for (let doc = 0; doc < deleted.length; doc += 1) if (deleted[doc] === 0) live[next++] = doc
  const counts = countDocs(segment, live)
  liveCountsBySegment.set(segment, { liveCount: segment.liveCount, counts })
  return counts
}

function subtractCounts(total: SegmentCounts, part: SegmentCounts): SegmentCounts {
  const minus = (a: Uint32Array, b: Uint32Array): Uint32Array => a.map((value, i) => value - b[i])
  return {
    years: minus(total.years, part.years),
    venues: minus(total.venues, part.venues),
    tasks: minus(total.tasks, part.tasks),
    frameworks: minus(total.frameworks, part.frameworks),
    hasCode: total.hasCode - part.hasCode,
    officialCode: total.officialCode - part.officialCode
  }
}

export class FacetCounter {
  private readonly years = new Map<number, number>()
  private readonly tasks = new Map<string, number>()
  private readonly venues = new Map<string, number>()
  private readonly frameworks = new Map<string, number>()
  private hasCode = 0
  private officialCode = 0

  /**
   * Counts the matches `docs` of one segment. `others`, when given, must be exactly the
   * segment's other live papers: if they are fewer (a word in most papers), the counts are the
   * segment's live totals minus theirs — the same numbers, for a fraction of the work.
   */
  add(segment: PaperSegment, docs: Int32Array, others: Int32Array | null = null): void {
    const counts =
      others !== null && others.length < docs.length
        ? subtractCounts(liveCounts(segment), countDocs(segment, others))
        : countDocs(segment, docs)
    const { tables } = segment.data
    this.hasCode += counts.hasCode
    this.officialCode += counts.officialCode
    counts.years.forEach((count, slot) => {
      if (slot > 0) bump(this.years, slot - 1 + MIN_FACET_YEAR, count)
    })
    counts.venues.forEach((count, id) => {
      if (id > 0) bump(this.venues, tables.venues[id - 1], count)
    })
    counts.tasks.forEach((count, id) => bump(this.tasks, tables.tasks[id], count))
    counts.frameworks.forEach((count, bit) => {
      if (bit < tables.frameworks.length) bump(this.frameworks, tables.frameworks[bit], count)
    })
  }

  finish(limit: number): PaperFacets {
    return {
      years: [...this.years.entries()]
        .map(([year, count]) => ({ year, count }))
        .sort((a, b) => a.year - b.year),
      tasks: topCounts(this.tasks, limit),
      venues: topCounts(this.venues, limit),
      frameworks: topCounts(this.frameworks, 32),
      hasCode: this.hasCode,
      officialCode: this.officialCode
    }
  }
}
