/**
 * A Markdown export of reading lists: readable as plain text, renders anywhere (GitHub, Obsidian,
 * the app itself), and keeps everything the user wrote. One `##` section per list, one `###` per
 * paper with its authors, venue, links, status, tags and the user's note quoted below.
 */
import { groupEntriesByList } from './exportGrouping'
import { READING_STATUS_LABELS, type ListEntry, type ReadingList } from './libraryTypes'
import { escapeMarkdownInline, markdownLink, quoteMarkdownBlock } from './markdownText'
import { splitAuthorList } from './personNames'
import { parseVenue } from './venue'

export interface MarkdownExportOptions {
  /** The document's `#` heading. */
  title?: string
  /** ISO timestamp stated under the heading; omitted when absent, so output can be compared. */
  exportedAt?: string
}

const ATTRIBUTION = 'Paper metadata from Papers with Code (paperswithcode.com), CC-BY-SA 4.0.'

export function toMarkdown(
  lists: readonly ReadingList[],
  entries: readonly ListEntry[],
  options: MarkdownExportOptions = {}
): string {
  const blocks = [`# ${escapeMarkdownInline(options.title ?? 'Reading lists')}`]
  if (options.exportedAt) blocks.push(`Exported ${escapeMarkdownInline(options.exportedAt)}.`)
  for (const { list, entries: listEntries } of groupEntriesByList(lists, entries)) {
    blocks.push(`## ${escapeMarkdownInline(list.name)}`)
    if (listEntries.length === 0) blocks.push('_No papers._')
    for (const entry of listEntries) blocks.push(...entryBlocks(entry))
  }
  blocks.push('---', `_${ATTRIBUTION}_`)
  return blocks.join('\n\n') + '\n'
}

function entryBlocks(entry: ListEntry): string[] {
  const { snapshot } = entry
  const details: string[] = []
  const authors = splitAuthorList(snapshot.authors)
  if (authors.length > 0) details.push(`- **Authors:** ${escapeMarkdownInline(authors.join(', '))}`)
  const published = [snapshot.date, venueLabel(snapshot.venue)].filter((part) => part !== null)
  if (published.length > 0) details.push(`- **Published:** ${escapeMarkdownInline(published.join(' · '))}`)
  if (snapshot.arxivId !== null) details.push(`- **arXiv:** ${escapeMarkdownInline(snapshot.arxivId)}`)
  const links = [
    markdownLink('Papers with Code', snapshot.paperUrl),
    markdownLink('Abstract', snapshot.urlAbs),
    markdownLink('PDF', snapshot.urlPdf),
    ...snapshot.codeUrls.map((url) => markdownLink(`Code: ${repositoryLabel(url)}`, url))
  ].filter((link) => link !== null)
  if (links.length > 0) details.push(`- **Links:** ${links.join(' · ')}`)
  details.push(`- **Status:** ${READING_STATUS_LABELS[entry.status]}`)
  if (entry.tags.length > 0) details.push(`- **Tags:** ${escapeMarkdownInline(entry.tags.join(', '))}`)
  details.push(`- **Added:** ${escapeMarkdownInline(entry.addedAt)}`)
  const title = snapshot.title.trim() === '' ? '(untitled)' : snapshot.title
  const blocks = [`### ${escapeMarkdownInline(title)}`, details.join('\n')]
  if (entry.note.trim() !== '') blocks.push(quoteMarkdownBlock(entry.note))
  return blocks
}

function venueLabel(proceeding: string | null): string | null {
  const venue = parseVenue(proceeding)
  if (venue === null) return null
  return venue.year === null ? venue.name : `${venue.name} ${venue.year}`
}

/** `github.com/owner/repo` → `owner/repo`: what people call a repository. */
function repositoryLabel(url: string): string {
  const match = /^https?:\/\/(?:www\.)?[^/]+\/([^/?#]+\/[^/?#]+)/i.exec(url.trim())
  return match ? match[1].replace(/\.git$/, '') : url
}
