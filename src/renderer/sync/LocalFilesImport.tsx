import { useState, type ReactNode } from 'react'
import { DUMP_KINDS_IN_IMPORT_ORDER, detectDumpKind, type DumpKind } from '../../shared/archive/dumpKinds'
import { syncLocalFiles } from './archiveSync'
import { KIND_LABELS } from './removalText'
import { formatBytes } from '../../shared/byteSize'

interface StagedFile {
  file: File
  /** The kind the name announces, `null` when it announces none. */
  named: DumpKind | null
  /** The kind the user picked; starts as the named one. */
  kind: DumpKind | null
}

function stage(files: File[]): StagedFile[] {
  return files.map((file) => {
    const named = detectDumpKind(file.name)
    return { file, named, kind: named }
  })
}

function joinKinds(kinds: DumpKind[]): string {
  const labels = kinds.map((kind) => KIND_LABELS[kind])
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`
}

/**
 * Picked or dropped files, before they import: each file's kind (a picker when the name says
 * none, e.g. `eff.json`), and whether they only add and update (the default) or replace the
 * archive's kinds, which shows what would be removed first.
 */
export function LocalFilesImport({
  files,
  force,
  busy,
  onClear
}: {
  files: File[]
  force: boolean
  busy: boolean
  onClear: () => void
}): ReactNode {
  const [staged, setStaged] = useState(() => stage(files))
  const [replace, setReplace] = useState(false)
  const kinds = DUMP_KINDS_IN_IMPORT_ORDER.filter((kind) => staged.some((f) => f.kind === kind))
  const ready = staged.every((f) => f.kind !== null)
  const setKind = (index: number, kind: DumpKind | null): void =>
    setStaged(staged.map((f, i) => (i === index ? { ...f, kind } : f)))
  return (
    <div className="staged-files" data-testid="staged-files">
      <table className="data-table data-table--compact" aria-label="Files to import">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {staged.map((f, i) => (
            <tr key={f.file.name}>
              <th scope="row" className="file-name">
                {f.file.name}
              </th>
              <td className="num">{formatBytes(f.file.size)}</td>
              <td>
                <select
                  aria-label={`Kind of ${f.file.name}`}
                  value={f.kind ?? ''}
                  onChange={(e) => setKind(i, e.target.value === '' ? null : (e.target.value as DumpKind))}
                >
                  <option value="">Choose a kind…</option>
                  {DUMP_KINDS_IN_IMPORT_ORDER.map((kind) => (
                    <option key={kind} value={kind}>
                      {KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
                {f.named === null && (
                  <span className="muted"> The name does not say; pick what the file holds.</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {kinds.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Replace the archive’s {joinKinds(kinds)} with these files (what they no longer list is removed; you
          see what first)
        </label>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !ready}
          onClick={() => {
            void syncLocalFiles(
              // The name's own kind needs no override: the engine reads it from the name.
              staged.map((f) => ({ file: f.file, kind: f.kind === f.named ? null : f.kind })),
              { force, replaceKinds: replace ? kinds : [] }
            )
            onClear()
          }}
        >
          {replace ? 'Preview and import' : 'Import'}
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear
        </button>
      </div>
    </div>
  )
}
