/**
 * Facet counts over every match of a query (not just the page): years, tasks, venues,
 * frameworks, with code, with official code. Counted per segment in typed arrays indexed by
 * the segment's name ids, then merged by name.
 */
import { FLAG_HAS_CODE, FLAG_OFFICIAL_CODE, type PaperSegment } from './paperSegment'
import type { FacetCount, PaperFacets } from './paperSearchResponse'

const HAS_CODE = FLAG_HAS_CODE
const OFFICIAL_CODE = FLAG_OFFICIAL_CODE
const MIN_FACET_YEAR = 1800
/** Years 1800–2198; the last slot collects unknown years (stored as 0) and any outside the span. */
const FACET_YEAR_SPAN = 400
const OTHER_YEAR = FACET_YEAR_SPAN - 1

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

export class FacetCounter {
  private readonly years = new Map<number, number>()
  private readonly tasks = new Map<string, number>()
  private readonly venues = new Map<string, number>()
  private readonly frameworks = new Map<string, number>()
  private hasCode = 0
  private officialCode = 0

  /** Counts the matches `docs` of one segment. */
  add(segment: PaperSegment, docs: Int32Array): void {
    const { columns, tables } = segment.data
    const years = new Uint32Array(FACET_YEAR_SPAN)
    const venues = new Uint32Array(tables.venues.length + 1)
    const tasks = new Uint32Array(tables.tasks.length)
    const frameworks = new Uint32Array(32)
    const { starts, values } = columns.tags.tasks
    const yearColumn = columns.year
    const venueColumn = columns.venue
    const flagColumn = columns.flags
    const frameworkColumn = columns.frameworks
    // Locals, not fields: this loop runs once per match (300k+ for a common word).
    let hasCode = 0
    let officialCode = 0
    for (let i = 0; i < docs.length; i += 1) {
      const doc = docs[i]
      const year = yearColumn[doc] - MIN_FACET_YEAR
      years[year >= 0 && year < OTHER_YEAR ? year : OTHER_YEAR] += 1
      venues[venueColumn[doc]] += 1
      const end = starts[doc + 1]
      for (let t = starts[doc]; t < end; t += 1) tasks[values[t]] += 1
      const flags = flagColumn[doc]
      hasCode += flags & HAS_CODE
      officialCode += (flags & OFFICIAL_CODE) >>> 1
      const bits = frameworkColumn[doc]
      if (bits !== 0) {
        for (let rest = bits; rest !== 0; rest &= rest - 1) frameworks[31 - Math.clz32(rest & -rest)] += 1
      }
    }
    this.hasCode += hasCode
    this.officialCode += officialCode
    years.forEach((count, index) => {
      if (index < OTHER_YEAR) bump(this.years, index + MIN_FACET_YEAR, count)
    })
    venues.forEach((count, id) => {
      if (id > 0) bump(this.venues, tables.venues[id - 1], count)
    })
    tasks.forEach((count, id) => bump(this.tasks, tables.tasks[id], count))
    frameworks.forEach((count, bit) => {
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
