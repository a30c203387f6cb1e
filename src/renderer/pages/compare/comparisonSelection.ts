/**
 * The leaderboards the user has put aside to compare. The compare page's URL is the source of
 * truth while it is open (so a comparison can be linked and bookmarked); this stored set is what
 * "Add to comparison" on a leaderboard page adds to, and what `/compare` opens without a list.
 */
import type { ArchiveDatabase } from '../../data/db'

export const COMPARISON_SETTING_KEY = 'compare-boards'

/** More lines than this make an overlay unreadable. */
export const MAX_COMPARED_BOARDS = 8

export function parseComparison(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const ids = value.filter((id): id is string => typeof id === 'string' && id.length > 0)
  return [...new Set(ids)].slice(0, MAX_COMPARED_BOARDS)
}

export async function readComparison(db: ArchiveDatabase): Promise<string[]> {
  return parseComparison((await db.settings.get(COMPARISON_SETTING_KEY))?.value)
}

export async function saveComparison(db: ArchiveDatabase, ids: readonly string[]): Promise<void> {
  await db.settings.put({ key: COMPARISON_SETTING_KEY, value: parseComparison(ids) })
}

/** Adds a board (kept last); the oldest choice drops out when the set is full. */
export async function addToComparison(db: ArchiveDatabase, id: string): Promise<string[]> {
  return db.transaction('rw', db.settings, async () => {
    const current = (await readComparison(db)).filter((other) => other !== id)
    const next = [...current, id].slice(-MAX_COMPARED_BOARDS)
    await saveComparison(db, next)
    return next
  })
}

/** `/compare?boards=a,b`; slugs never contain a comma, and each is URL-encoded. */
export function comparePath(ids: readonly string[]): string {
  return ids.length ? `/compare?boards=${ids.map(encodeURIComponent).join(',')}` : '/compare'
}

/** The ids in a `boards` query value, deduplicated, in order. */
export function parseBoardsParam(value: string | null): string[] {
  if (!value) return []
  return parseComparison(
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
  )
}
