/**
 * Which entries an export of some lists contains, and in what order. Shared by the Markdown and CSV
 * exports so both files of the same export list the same papers in the same order.
 */
import type { ListEntry, ReadingList } from './libraryTypes'

export interface ListWithEntries<E extends ListEntry = ListEntry> {
  list: ReadingList
  entries: E[]
}

/**
 * The lists in the user's order (then by name), each with its entries in the order given (the view's
 * sort). Entries of lists not passed are left out: exporting one list exports that list only.
 */
export function groupEntriesByList<E extends ListEntry>(
  lists: readonly ReadingList[],
  entries: readonly E[]
): ListWithEntries<E>[] {
  const byList = new Map<string, E[]>()
  for (const entry of entries) {
    const group = byList.get(entry.listId)
    if (group) group.push(entry)
    else byList.set(entry.listId, [entry])
  }
  return [...lists]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1))
    .map((list) => ({ list, entries: byList.get(list.id) ?? [] }))
}
