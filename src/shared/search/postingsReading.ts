/**
 * Reading postings without scoring them: which papers contain a term (for exclusions, phrases,
 * author checks and merging). The scoring loops live in `termScoring`, tuned separately.
 * See `paperSegment` for the byte layout.
 */
import {
  ALL_TF_ONE,
  type PaperSegment,
  type PostingsGroup,
  readAbstractHeader,
  readHeadHeader
} from './paperSegment'

// A module constant: transpilers that compile imports to getters would call one per posting.
const TF_ONE = ALL_TF_ONE

function skipVarint(bytes: Uint8Array, position: number): number {
  let next = position
  while (bytes[next] >= 0x80) next += 1
  return next + 1
}

/**
 * Calls `visit(doc, fieldMask)` for each paper with `termId` in a head field, in doc order,
 * stopping after `lastDoc`.
 */
export function visitHeadDocs(
  group: PostingsGroup,
  termId: number,
  visit: (doc: number, mask: number) => void,
  lastDoc = Infinity
): void {
  const { bytes, starts } = group
  const end = starts[termId + 1]
  let position = starts[termId]
  if (position === end) return
  for (let field = 0; field < 4; field += 1) position = skipVarint(bytes, position)
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let gap = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      gap += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += gap + 1
    if (doc > lastDoc) return
    const flags = bytes[position++]
    if ((flags & TF_ONE) === 0) {
      for (let field = 0; field < 4; field += 1) {
        if ((flags & (1 << field)) !== 0) position = skipVarint(bytes, position)
      }
    }
    visit(doc, flags & 0x0f)
  }
}

/** Calls `visit(doc)` for each paper with `termId` in its abstract, in doc order. */
export function visitAbstractDocs(group: PostingsGroup, termId: number, visit: (doc: number) => void): void {
  const { bytes, starts } = group
  const end = starts[termId + 1]
  let position = starts[termId]
  if (position === end) return
  position = skipVarint(bytes, position)
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let value = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      value += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += Math.floor(value / 2) + 1
    if (value % 2 === 1) position = skipVarint(bytes, position)
    visit(doc)
  }
}

/** Calls `visit(doc, fieldMask, tfs)` for each paper with `termId` in a head field (merging). */
export function forEachHeadPosting(
  group: PostingsGroup,
  termId: number,
  visit: (doc: number, mask: number, tfs: Uint32Array) => void
): void {
  const end = group.starts[termId + 1]
  if (group.starts[termId] === end) return
  const bytes = group.bytes
  let position = readHeadHeader(group, termId, new Uint32Array(4))
  const tfs = new Uint32Array(4)
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let gap = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      gap += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += gap + 1
    const flags = bytes[position++]
    for (let field = 0; field < 4; field += 1) {
      if ((flags & (1 << field)) === 0) {
        tfs[field] = 0
      } else if ((flags & TF_ONE) !== 0) {
        tfs[field] = 1
      } else {
        byte = bytes[position++]
        let tf = byte & 0x7f
        shift = 128
        while (byte >= 0x80) {
          byte = bytes[position++]
          tf += (byte & 0x7f) * shift
          shift *= 128
        }
        tfs[field] = tf + 1
      }
    }
    visit(doc, flags & 0x0f, tfs)
  }
}

/** Calls `visit(doc, tf)` for each paper with `termId` in its abstract (merging). */
export function forEachAbstractPosting(
  group: PostingsGroup,
  termId: number,
  visit: (doc: number, tf: number) => void
): void {
  const end = group.starts[termId + 1]
  if (group.starts[termId] === end) return
  const bytes = group.bytes
  let position = readAbstractHeader(group, termId)[1]
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let value = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      value += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += Math.floor(value / 2) + 1
    let tf = 1
    if (value % 2 === 1) {
      byte = bytes[position++]
      tf = byte & 0x7f
      shift = 128
      while (byte >= 0x80) {
        byte = bytes[position++]
        tf += (byte & 0x7f) * shift
        shift *= 128
      }
      tf += 2
    }
    visit(doc, tf)
  }
}

/** Calls `visit(doc)` for each paper with `termId` in any field (a paper may come twice). */
export function visitDocsWithTerm(
  segment: PaperSegment,
  termId: number,
  abstractOnly: boolean,
  visit: (doc: number) => void
): void {
  const { head, abstract } = segment.data
  if (!abstractOnly) visitHeadDocs(head, termId, visit)
  if (abstract !== null) visitAbstractDocs(abstract, termId, visit)
}

/** Marks (1) the papers that contain every term, in any field or (`abstractOnly`) in the abstract. */
export function docsWithAllTerms(
  segment: PaperSegment,
  terms: readonly string[],
  abstractOnly: boolean
): Uint8Array {
  const marks = new Uint8Array(segment.docCount)
  const unique = [...new Set(terms)]
  const ids = unique.map((term) => segment.data.dictionary.find(term))
  if (unique.length === 0 || unique.length > 255 || ids.some((id) => id < 0)) return marks
  // counts[doc] = how many of the terms so far the paper has; a paper is counted once per term
  // (head and abstract both list it) by only moving it from `term` to `term + 1`.
  const counts = new Uint8Array(segment.docCount)
  ids.forEach((id, term) => {
    visitDocsWithTerm(segment, id, abstractOnly, (doc) => {
      if (counts[doc] === term) counts[doc] = term + 1
    })
  })
  for (let doc = 0; doc < counts.length; doc += 1) if (counts[doc] === unique.length) marks[doc] = 1
  return marks
}
