/**
 * A code link's id is `<paperId>|<repoUrl>` (the dump has no id, and no pair repeats). Paper ids
 * are URL slugs, which never hold a `|`, so a paper's links are exactly the ids starting with
 * `<paperId>|`: one primary-key range, with no `paperId` index to write for each of 300k links.
 */
const SEPARATOR = '|'

export function codeLinkId(paperId: string, repoUrl: string): string {
  return `${paperId}${SEPARATOR}${repoUrl}`
}

/** The prefix every id of this paper's links starts with. */
export function codeLinkIdPrefix(paperId: string): string {
  return `${paperId}${SEPARATOR}`
}

export function paperIdOfCodeLink(linkId: string): string {
  return linkId.slice(0, linkId.indexOf(SEPARATOR))
}
