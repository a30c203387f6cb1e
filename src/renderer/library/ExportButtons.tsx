import { useState, type ReactNode } from 'react'
import type { ListEntry, ReadingList } from '../../shared/library/libraryTypes'
import { EXPORT_FORMATS, saveExport, type ExportFormat } from './libraryFiles'

/** Saves the given lists' entries in each export format; `title` names the file and the document. */
export function ExportButtons({
  lists,
  entries,
  title
}: {
  lists: readonly ReadingList[]
  entries: readonly ListEntry[]
  title: string
}): ReactNode {
  const [error, setError] = useState<string | null>(null)
  const save = (format: ExportFormat): void => {
    setError(null)
    saveExport(format, lists, entries, title).catch((reason: unknown) =>
      setError(`The export could not be saved: ${reason instanceof Error ? reason.message : String(reason)}`)
    )
  }
  return (
    <div className="export-buttons" role="group" aria-label={`Export ${title}`}>
      <span className="muted">Export</span>
      {EXPORT_FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={entries.length === 0}
          onClick={() => save(format)}
        >
          {label}
        </button>
      ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
