/**
 * The files the library writes and reads: the four citation/text exports of one list or of all,
 * and the backup. Saving goes through the host (a save dialog in the desktop app, a download in
 * browser mode).
 */
import { backupFileName, createBackup } from '../../shared/library/backup'
import { toBibtex } from '../../shared/library/bibtex'
import { toCslJson } from '../../shared/library/cslJson'
import { toCsv } from '../../shared/library/csvExport'
import { groupEntriesByList } from '../../shared/library/exportGrouping'
import type { ListEntry, ReadingList } from '../../shared/library/libraryTypes'
import { toMarkdown } from '../../shared/library/markdownExport'
import type { ArchiveDatabase } from '../data/db'
import { appApi } from '../platform/appApi'
import { readLibrary } from './libraryActions'

export type ExportFormat = 'bibtex' | 'csl-json' | 'markdown' | 'csv'

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'csl-json', label: 'CSL-JSON' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' }
]

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  'csl-json': { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  csv: { extension: 'csv', mimeType: 'text/csv' }
}

/** A file name from a list's name: letters, digits and dashes, so every file system takes it. */
export function exportBaseName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'reading-list'
}

/**
 * The file's text. `entries` are in the order the user sees them; the citation formats list each
 * paper once even when it is in several of the lists.
 */
export function exportText(
  format: ExportFormat,
  lists: readonly ReadingList[],
  entries: readonly ListEntry[],
  title: string,
  exportedAt: string
): string {
  // The same list order as the Markdown and CSV files, so all four name the papers alike.
  const ordered = groupEntriesByList(lists, entries).flatMap((group) => group.entries)
  switch (format) {
    case 'bibtex':
      return toBibtex(ordered)
    case 'csl-json':
      return toCslJson(ordered)
    case 'markdown':
      return toMarkdown(lists, entries, { title, exportedAt })
    case 'csv':
      return toCsv(lists, entries)
  }
}

export async function saveExport(
  format: ExportFormat,
  lists: readonly ReadingList[],
  entries: readonly ListEntry[],
  title: string
): Promise<boolean> {
  const { extension, mimeType } = FILE_TYPES[format]
  return appApi.saveFile({
    suggestedName: `${exportBaseName(title)}.${extension}`,
    mimeType,
    data: exportText(format, lists, entries, title, new Date().toISOString())
  })
}

/** Saves the whole library as a backup file. */
export async function saveBackup(db: ArchiveDatabase): Promise<boolean> {
  const exportedAt = new Date().toISOString()
  const backup = createBackup(await readLibrary(db), exportedAt)
  return appApi.saveFile({
    suggestedName: backupFileName(exportedAt),
    mimeType: 'application/json',
    data: JSON.stringify(backup, null, 2) + '\n'
  })
}
