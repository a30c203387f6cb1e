/**
 * A paper's code facts as the index columns hold them: two flag bits and one bit per framework
 * (per segment name table). Links arrive after papers in a sync (links cite papers), so an index
 * built while the sync writes gets its code facts at the end, by rewriting these two columns of
 * a segment, never its postings.
 */
import { FLAG_HAS_CODE, FLAG_OFFICIAL_CODE, PaperSegment } from './paperSegment'
import type { SearchablePaper } from './searchDocuments'
import { NameTable } from './nameTable'

export type PaperCodeFacts = Pick<SearchablePaper, 'hasCode' | 'hasOfficialCode' | 'frameworks'>

export const NO_CODE: PaperCodeFacts = { hasCode: false, hasOfficialCode: false, frameworks: [] }

const MAX_FRAMEWORK_BITS = 31
/** Frameworks beyond the 31st distinct name share the last bit, under this name. */
export const OTHER_FRAMEWORK = 'other'

export function codeFlags(facts: PaperCodeFacts): number {
  return (facts.hasCode ? FLAG_HAS_CODE : 0) | (facts.hasOfficialCode ? FLAG_OFFICIAL_CODE : 0)
}

/** A segment's framework names, growing as papers name new ones, and the bits they map to. */
export class FrameworkBits {
  private readonly table: NameTable

  constructor(names: string[] = []) {
    this.table = new NameTable(names)
  }

  get names(): string[] {
    return this.table.names
  }

  private idOf(name: string): number {
    return this.table.idOf(name)
  }

  bitsOf(frameworks: readonly string[]): number {
    let bits = 0
    for (const framework of frameworks) {
      let bit = this.idOf(framework)
      if (bit >= MAX_FRAMEWORK_BITS) bit = this.idOf(OTHER_FRAMEWORK)
      bits |= 1 << Math.min(bit, MAX_FRAMEWORK_BITS)
    }
    return bits >>> 0
  }
}

/**
 * `segment` with the code facts `factsOf` gives its live papers, as a new segment sharing every
 * other part (a new object, so nothing cached for the old one applies); `null` when no live
 * paper's facts change.
 */
export function withCodeFacts(
  segment: PaperSegment,
  factsOf: (id: string) => PaperCodeFacts
): PaperSegment | null {
  const { columns, tables, deleted, docCount } = segment.data
  const bits = new FrameworkBits([...tables.frameworks])
  const flags = columns.flags.slice()
  const frameworks = columns.frameworks.slice()
  let changed = false
  for (let doc = 0; doc < docCount; doc += 1) {
    if (deleted[doc] === 1) continue
    const facts = factsOf(segment.id(doc))
    const nextFlags = codeFlags(facts)
    const nextBits = bits.bitsOf(facts.frameworks)
    // The names only grow by appending, so an unchanged bit set names the same frameworks.
    if (nextFlags === flags[doc] && nextBits === frameworks[doc]) continue
    flags[doc] = nextFlags
    frameworks[doc] = nextBits
    changed = true
  }
  if (!changed) return null
  return new PaperSegment({
    ...segment.data,
    columns: { ...columns, flags, frameworks },
    tables: { ...tables, frameworks: bits.names },
    // Deletion flags are the one mutable part: the new segment owns its copy.
    deleted: deleted.slice()
  })
}
