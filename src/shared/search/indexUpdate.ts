/**
 * Updating a persisted paper index after a sync instead of rebuilding it: each indexed document
 * has a fingerprint, so the papers whose searchable text or facts changed (or that are new) are
 * re-indexed, the ones gone are removed, and every other segment, with its stored chunks, stays.
 *
 * A fingerprint is FNV-1a (32 bits) over the document's JSON, its code facts left out: those are
 * set on the index's columns from the links after the papers (`PaperSearchIndex.applyCodeFacts`),
 * which an index built while a sync writes (links come after papers) needs. Two versions of one
 * paper collide with probability 2^-32, in which case that paper keeps its previous entry until
 * the next build.
 */
import type { PaperSearchIndex } from './paperSearchIndex'
import type { SearchablePaper } from './searchDocuments'

/** Above this share of changed or removed papers, a fresh build costs less than an update. */
export const FULL_REBUILD_SHARE = 0.3
/** Segments with at least this share of deleted papers are rewritten after an update. */
const COMPACT_DELETED_SHARE = 0.2

export function documentFingerprint(paper: SearchablePaper): number {
  const { hasCode: _hasCode, hasOfficialCode: _official, frameworks: _frameworks, ...indexed } = paper
  const text = JSON.stringify(indexed)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

export interface IndexUpdatePlan {
  /** New papers and papers whose document changed (empty when `rebuildCheaper`). */
  changed: SearchablePaper[]
  /** Ids indexed before that the archive no longer has. */
  removed: string[]
  /** Fingerprints of every paper after the update. */
  fingerprints: Map<string, number>
  /** Whether applying the plan would touch so much that building afresh is cheaper. */
  rebuildCheaper: boolean
}

/**
 * Builds an `IndexUpdatePlan` from the archive's papers one at a time, keeping only the changed
 * ones: the unchanged majority is fingerprinted and let go. Once so many have changed that a
 * fresh build is cheaper, it stops keeping them too (the caller builds from the tables instead).
 */
export class IndexUpdatePlanner {
  private readonly fingerprints = new Map<string, number>()
  private changed: SearchablePaper[] = []
  private changedCount = 0

  constructor(private readonly previous: ReadonlyMap<string, number>) {}

  add(paper: SearchablePaper): void {
    const fingerprint = documentFingerprint(paper)
    this.fingerprints.set(paper.id, fingerprint)
    if (this.previous.get(paper.id) === fingerprint) return
    this.changedCount += 1
    if (this.changedCount > this.rebuildThreshold()) this.changed = []
    else this.changed.push(paper)
  }

  finish(): IndexUpdatePlan {
    const removed = [...this.previous.keys()].filter((id) => !this.fingerprints.has(id))
    const rebuildCheaper = this.changedCount + removed.length > this.rebuildThreshold(this.fingerprints.size)
    return {
      changed: rebuildCheaper ? [] : this.changed,
      removed,
      fingerprints: this.fingerprints,
      rebuildCheaper
    }
  }

  private rebuildThreshold(papers = 0): number {
    return FULL_REBUILD_SHARE * Math.max(1, papers, this.previous.size)
  }
}

/** Applies `plan` to `index` in place: removals, then replacements, then a light compaction. */
export function applyIndexUpdate(index: PaperSearchIndex, plan: IndexUpdatePlan): void {
  for (const id of plan.removed) index.remove(id)
  for (const paper of plan.changed) index.add(paper)
  index.compact(COMPACT_DELETED_SHARE)
}

/** Fingerprints as one string (`id\tbase36\n`…): ~50 bytes a paper, stored beside the index. */
export function encodeFingerprints(fingerprints: ReadonlyMap<string, number>): string {
  const lines: string[] = []
  for (const [id, fingerprint] of fingerprints) lines.push(`${id}\t${fingerprint.toString(36)}`)
  return lines.join('\n')
}

export function decodeFingerprints(text: string): Map<string, number> {
  const fingerprints = new Map<string, number>()
  if (text === '') return fingerprints
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t')
    fingerprints.set(line.slice(0, tab), parseInt(line.slice(tab + 1), 36))
  }
  return fingerprints
}
