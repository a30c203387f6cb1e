/**
 * The words for a replace's removal plan, shared by the confirmation before it and the summary
 * after it, so the user reads the same figures twice.
 */
import type { DumpKind } from '../../shared/archive/dumpKinds'
import type { ArchiveEntityTable } from '../../shared/archive/entities'
import type { RemovalCounts } from '../../shared/archive/removalPlan'
import { countLabel } from '../../shared/countLabel'

export const KIND_LABELS: Record<DumpKind, string> = {
  papers: 'papers',
  links: 'code links',
  'evaluation-tables': 'evaluation tables',
  methods: 'methods',
  datasets: 'datasets'
}

const NOUNS: Record<ArchiveEntityTable, [string, string]> = {
  papers: ['paper', 'papers'],
  codeLinks: ['code link', 'code links'],
  tasks: ['task', 'tasks'],
  datasets: ['dataset', 'datasets'],
  methods: ['method', 'methods'],
  leaderboards: ['leaderboard', 'leaderboards'],
  results: ['result', 'results']
}

const ORDER: ArchiveEntityTable[] = [
  'leaderboards',
  'results',
  'tasks',
  'methods',
  'datasets',
  'codeLinks',
  'papers'
]

function joinList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** "the archive's evaluation tables" */
export function replacedKindsText(counts: RemovalCounts): string {
  return `the archive’s ${joinList(counts.kinds.map((kind) => KIND_LABELS[kind]))}`
}

/** "2,736 leaderboards, 15,305 results and 4,112 papers", or `null` when nothing goes. */
export function removedText(counts: RemovalCounts): string | null {
  const parts = ORDER.filter((table) => counts.removed[table] > 0).map((table) =>
    countLabel(counts.removed[table], ...NOUNS[table])
  )
  return parts.length === 0 ? null : joinList(parts)
}

/** How the papers figure breaks down; `null` when no paper goes. */
export function papersBreakdownText(counts: RemovalCounts): string | null {
  const { deleted, demotedToStubs, stubsDeleted } = counts.papers
  const parts: string[] = []
  if (deleted > 0) parts.push(`${countLabel(deleted, 'paper')} deleted`)
  if (demotedToStubs > 0)
    parts.push(`${countLabel(demotedToStubs, 'paper')} kept only as a title (a stub) that other records cite`)
  if (stubsDeleted > 0) parts.push(`${countLabel(stubsDeleted, 'stub paper')} nothing cites any more`)
  return parts.length === 0 ? null : `Papers: ${joinList(parts)}.`
}

/** What stays only because the user follows or bookmarks it; `null` when nothing does. */
export function keptText(counts: RemovalCounts): string | null {
  const { followedLeaderboards, resultsOfFollowed, bookmarkedPapers } = counts.kept
  const parts: string[] = []
  if (followedLeaderboards > 0 || resultsOfFollowed > 0)
    parts.push(
      `${countLabel(followedLeaderboards, 'leaderboard')} you follow, with ${countLabel(resultsOfFollowed, 'result')}`
    )
  if (bookmarkedPapers > 0) parts.push(`${countLabel(bookmarkedPapers, 'paper')} in your reading lists`)
  return parts.length === 0 ? null : `Kept although the files no longer list them: ${joinList(parts)}.`
}
