/**
 * Tags are the user's words, so their spelling is kept, but "GANs" and "gans " are one tag: a
 * filter, a merge or a tag cloud that split them would make the user tidy up after us.
 */

/** The tag as stored: trimmed, inner whitespace collapsed; `''` means "no tag". */
export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim()
}

/** What two tags are compared by. */
export function tagIdentity(tag: string): string {
  return normalizeTag(tag).toLocaleLowerCase('en-US')
}

/** The tags without blanks and case-insensitive duplicates; the first spelling seen wins. */
export function normalizeTags(tags: readonly string[]): string[] {
  return mergeTags(tags, [])
}

/** `current` in its order, then the tags of `incoming` it lacks. */
export function mergeTags(current: readonly string[], incoming: readonly string[]): string[] {
  const seen = new Set<string>()
  const merged: string[] = []
  for (const tag of [...current, ...incoming]) {
    const normalized = normalizeTag(tag)
    const identity = tagIdentity(normalized)
    if (normalized === '' || seen.has(identity)) continue
    seen.add(identity)
    merged.push(normalized)
  }
  return merged
}

export interface TagCount {
  tag: string
  count: number
}

/** Every tag in use with how many entries carry it, most used first, for a tag filter. */
export function countTags(entries: readonly { tags: readonly string[] }[]): TagCount[] {
  const counts = new Map<string, TagCount>()
  for (const entry of entries) {
    for (const tag of normalizeTags(entry.tags)) {
      const identity = tagIdentity(tag)
      const known = counts.get(identity)
      if (known) known.count++
      else counts.set(identity, { tag, count: 1 })
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'en'))
}
