import { useEffect, useState, type DragEvent, type ReactNode } from 'react'
import { ARCHIVE_ENTITY_TABLES, type ArchiveEntityTable } from '../../shared/archive/entities'
import { appDatabase } from '../data/appDatabase'
import { readArchiveSnapshot } from '../data/queries/archiveSnapshotQueries'
import type { RemovalCounts } from '../../shared/archive/removalPlan'
import type { ArchiveSyncResult, FileSyncProgress } from '../../shared/archive/syncProgress'
import { PageHeader } from '../components/Page'
import { ArchiveDataDates } from '../components/ArchiveDataDates'
import { StorageFullNotice, StorageUsageFacts } from '../components/StorageFacts'
import { useArchiveQuery } from '../components/useArchiveQuery'
import {
  cancelSync,
  DEFAULT_ARCHIVE_BASE_URL,
  dismissInterruptedSync,
  FULL_ARCHIVE_FILES,
  resumeSync,
  syncBundledSample,
  syncRemoteArchive,
  useArchiveSync,
  type ArchiveSyncState
} from './archiveSync'
import { formatCount, formatDuration } from './syncFormat'
import { formatBytes } from '../../shared/byteSize'
import { LocalFilesImport } from './LocalFilesImport'
import { ReplaceConfirmation } from './ReplaceConfirmation'
import { keptText, papersBreakdownText, removedText, replacedKindsText } from './removalText'
import { countLabel } from '../../shared/countLabel'

const TABLE_LABELS: Record<(typeof ARCHIVE_ENTITY_TABLES)[number], string> = {
  papers: 'Papers',
  codeLinks: 'Code links',
  tasks: 'Tasks',
  datasets: 'Datasets',
  methods: 'Methods',
  leaderboards: 'Leaderboards',
  results: 'Results'
}

/**
 * Table counts, read when the page opens and again whenever a sync stops running. Not a live
 * query: a sync commits every second or so, and counting 576k papers at each commit would compete
 * with the sync's own writes in IndexedDB (and a count there walks the whole table).
 */
function useTableCounts(running: boolean): (readonly [ArchiveEntityTable, number])[] | undefined {
  const [counts, setCounts] = useState<(readonly [ArchiveEntityTable, number])[]>()
  useEffect(() => {
    if (running) return
    let current = true
    void Promise.all(
      ARCHIVE_ENTITY_TABLES.map(async (table) => [table, await appDatabase[table].count()] as const)
    ).then((next) => {
      if (current) setCounts(next)
    })
    return () => {
      current = false
    }
  }, [running])
  return counts
}

function LocalArchive({ running }: { running: boolean }): ReactNode {
  const counts = useTableCounts(running)
  const meta = useArchiveQuery(readArchiveSnapshot, [])
  return (
    <section
      className="panel"
      aria-labelledby="local-archive"
      aria-busy={counts === undefined || meta === undefined}
    >
      <h2 id="local-archive">On this machine</h2>
      <dl className="stat-grid">
        {(counts ?? []).map(([table, count]) => (
          <div key={table} className="stat">
            <dt>{TABLE_LABELS[table]}</dt>
            <dd data-testid={`count-${table}`}>{formatCount(count)}</dd>
          </div>
        ))}
      </dl>
      <ArchiveDataDates emptyText="No sync has completed yet." />
      <StorageUsageFacts refreshKey={running} />
      {meta && <p className="muted">Last sync completed {new Date(meta.completedAt).toLocaleString()}</p>}
      {running && (
        <p className="muted">These counts are from before the running sync; they refresh when it ends.</p>
      )}
    </section>
  )
}

function FileRow({ file }: { file: FileSyncProgress }): ReactNode {
  const percent = file.bytesTotal ? Math.min(100, (file.bytesRead / file.bytesTotal) * 100) : null
  return (
    <tr>
      <th scope="row">
        <span className="file-name">{file.name}</span>
        {file.kind && <span className="muted"> · {file.kind}</span>}
      </th>
      <td>
        <span className={`phase phase--${file.phase}`}>{file.phase}</span>
      </td>
      <td className="num">
        {formatBytes(file.bytesRead)} / {formatBytes(file.bytesTotal)}
        {percent !== null && (
          <progress max={100} value={percent} aria-label={`${file.name} progress`}>
            {Math.round(percent)}%
          </progress>
        )}
      </td>
      <td className="num">{formatCount(file.records)}</td>
      <td className="num">{file.recordsPerSecond ? formatCount(Math.round(file.recordsPerSecond)) : '—'}</td>
      <td className="num">{formatDuration(file.etaSeconds)}</td>
    </tr>
  )
}

function CurrentSync({ sync }: { sync: ArchiveSyncState }): ReactNode {
  const downloads = Object.values(sync.downloads)
  if (sync.status !== 'running' && sync.status !== 'downloading') return null
  return (
    <section className="panel panel--active" aria-labelledby="current-sync" aria-live="polite">
      <div className="panel__title-row">
        <h2 id="current-sync">
          {sync.status === 'downloading' ? 'Downloading' : sync.previewing ? 'Previewing' : 'Importing'}{' '}
          {sync.label}
        </h2>
        <button type="button" className="button" onClick={() => void cancelSync()}>
          Cancel
        </button>
      </div>
      {sync.status === 'downloading' && (
        <ul className="plain-list">
          {downloads.map((d) => (
            <li key={d.name}>
              {d.name}: {d.state} {formatBytes(d.bytesReceived)} / {formatBytes(d.bytesTotal)}
            </li>
          ))}
        </ul>
      )}
      {sync.progress && (
        <>
          <p className="muted">
            Phase: <strong data-testid="sync-phase">{sync.progress.phase}</strong> · elapsed{' '}
            {formatDuration(sync.progress.elapsedSeconds)}
          </p>
          <table className="data-table" aria-label="Files in this sync">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Phase</th>
                <th scope="col">Bytes</th>
                <th scope="col">Records</th>
                <th scope="col">Records/s</th>
                <th scope="col">ETA</th>
              </tr>
            </thead>
            <tbody>
              {sync.progress.files.map((file) => (
                <FileRow key={file.name} file={file} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

function Interrupted({ sync }: { sync: ArchiveSyncState }): ReactNode {
  const [files, setFiles] = useState<File[]>([])
  if (sync.status !== 'interrupted' || !sync.pending) return null
  const needsFiles = sync.pending.files.some((f) => f.origin === 'local')
  return (
    <section className="panel panel--warning" aria-labelledby="interrupted">
      <h2 id="interrupted">A sync did not finish</h2>
      <p>
        “{sync.pending.label}”, started {new Date(sync.pending.startedAt).toLocaleString()}, stopped before it
        completed. Resuming continues from its last checkpoint.
      </p>
      {sync.message && <p className="error-text">{sync.message}</p>}
      {needsFiles && (
        <label className="field">
          Pick the same files again
          <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </label>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void resumeSync(files)}>
          Resume
        </button>
        <button type="button" className="button" onClick={dismissInterruptedSync}>
          Dismiss
        </button>
      </div>
    </section>
  )
}

function ResultSummary({
  result,
  message
}: {
  result: ArchiveSyncResult | null
  message: string | null
}): ReactNode {
  if (!result && !message) return null
  if (!result)
    return (
      <section className="panel panel--error" role="alert">
        <h2>Sync failed</h2>
        <p className="error-text">{message}</p>
      </section>
    )
  const { summary, error, outcome } = result
  const skipped = summary.files.reduce((sum, f) => sum + f.recordsSkippedByCheckpoint, 0)
  return (
    <section
      className={`panel ${outcome === 'failed' ? 'panel--error' : ''}`}
      aria-labelledby="last-sync"
      role={outcome === 'failed' ? 'alert' : undefined}
      data-testid="sync-summary"
    >
      <h2 id="last-sync">
        {outcome === 'completed'
          ? 'Sync completed'
          : outcome === 'cancelled'
            ? 'Sync cancelled'
            : 'Sync failed'}
        <span className="muted"> · {formatDuration(summary.durationSeconds)}</span>
      </h2>
      {error?.storageFull && (
        <StorageFullNotice bytesNeeded={error.storageFull.bytesNeeded}>
          Stopped at {error.file ?? 'finalizing'}
          {error.recordIndex !== null ? `, record ${formatCount(error.recordIndex + 1)}` : ''}. Everything
          imported before it is stored, and your lists and notes are unchanged. Free some disk space, then
          sync the same files again: it resumes from the last checkpoint.
        </StorageFullNotice>
      )}
      {error && !error.storageFull && (
        <p className="error-text" data-testid="sync-error">
          {error.file ? `${error.file}` : 'Database'}
          {error.recordIndex !== null ? `, record ${formatCount(error.recordIndex + 1)}` : ''}
          {error.byteOffset !== null ? ` (byte ${formatCount(error.byteOffset)})` : ''}: {error.message}.
          Everything imported before it, and all your lists and notes, are unchanged.
        </p>
      )}
      <p className="muted" data-testid="sync-stages">
        Time spent reading and parsing {formatDuration(summary.stageSeconds.reading)}, waiting for the
        database {formatDuration(summary.stageSeconds.writing)}, finalizing{' '}
        {formatDuration(summary.stageSeconds.finalizing)}.
      </p>
      {summary.removals && <RemovalSummary removals={summary.removals} />}
      {skipped > 0 && (
        <p data-testid="sync-resumed">
          Resumed from a checkpoint: {countLabel(skipped, 'record was', 'records were')} already stored.
        </p>
      )}
      <table className="data-table data-table--compact" aria-label="Changes by table">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Added</th>
            <th scope="col">Changed</th>
            <th scope="col">Removed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {ARCHIVE_ENTITY_TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{TABLE_LABELS[table]}</th>
              <td className="num">{formatCount(summary.tables[table].added)}</td>
              <td className="num">{formatCount(summary.tables[table].changed)}</td>
              <td className="num">{formatCount(summary.tables[table].removed)}</td>
              <td className="num">{formatCount(summary.tables[table].unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="plain-list muted">
        {summary.files.map((f) => (
          <li key={f.name}>
            {f.name}: {f.outcome === 'unchanged' ? 'unchanged since the last sync, not read' : f.outcome},{' '}
            {countLabel(f.records, 'record')}
            {f.unparsedMetricValues > 0
              ? `, ${countLabel(f.unparsedMetricValues, 'metric value')} kept as text`
              : ''}
          </li>
        ))}
      </ul>
      {summary.files.some((f) => f.warnings.length > 0) && (
        <ul className="plain-list warning-text" data-testid="sync-warnings">
          {summary.files.flatMap((f) => f.warnings.map((warning) => <li key={warning}>{warning}</li>))}
        </ul>
      )}
    </section>
  )
}

/** What a replace removed and kept, in the words its confirmation used. */
function RemovalSummary({ removals }: { removals: RemovalCounts }): ReactNode {
  const removed = removedText(removals)
  const papers = papersBreakdownText(removals)
  const kept = keptText(removals)
  return (
    <div data-testid="sync-removals">
      <p>
        Replaced {replacedKindsText(removals)}:{' '}
        {removed === null ? 'nothing was removed' : `removed ${removed}`}.
      </p>
      {papers && <p className="muted">{papers}</p>}
      {kept && <p>{kept}</p>}
    </div>
  )
}

function Sources({ busy }: { busy: boolean }): ReactNode {
  const [baseUrl, setBaseUrl] = useState(DEFAULT_ARCHIVE_BASE_URL)
  const [names, setNames] = useState<string[]>(FULL_ARCHIVE_FILES)
  const [dragging, setDragging] = useState(false)
  const [staged, setStaged] = useState<File[] | null>(null)
  const [force, setForce] = useState(false)
  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    setDragging(false)
    const files = [...event.dataTransfer.files]
    if (files.length > 0 && !busy) setStaged(files)
  }
  return (
    <section className="panel" aria-labelledby="sources">
      <div className="panel__title-row">
        <h2 id="sources">Sync from</h2>
        <label className="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          Re-read files even if unchanged
        </label>
      </div>
      <div className="source-grid">
        <div className="source">
          <h3>Bundled sample</h3>
          <p className="muted">
            The real slice shipped with the app: 2020 leaderboards, 2022 methods and datasets.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void syncBundledSample(force)}
          >
            Re-import sample
          </button>
        </div>
        <div
          className={`source source--drop ${dragging ? 'source--dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <h3>Local dump files</h3>
          <p className="muted">
            Pick or drop dumps (.json.gz or .json). They add to the archive and update it; nothing is removed
            unless you choose to replace.
          </p>
          <label className="button">
            Choose files…
            <input
              type="file"
              multiple
              accept=".gz,.json,application/gzip,application/json"
              className="visually-hidden"
              aria-label="Choose dump files"
              disabled={busy}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])]
                e.target.value = ''
                if (files.length > 0) setStaged(files)
              }}
            />
          </label>
        </div>
        <form
          className="source"
          onSubmit={(e) => {
            e.preventDefault()
            if (names.length > 0) void syncRemoteArchive(baseUrl, names, force)
          }}
        >
          <h3>Download the archive</h3>
          <p className="muted">
            A full copy: it replaces the kinds you download, after showing what would be removed.
          </p>
          <label className="field">
            Base URL (a mirror works too)
            <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
          </label>
          <fieldset className="checks">
            <legend className="visually-hidden">Files</legend>
            {FULL_ARCHIVE_FILES.map((name) => (
              <label key={name}>
                <input
                  type="checkbox"
                  checked={names.includes(name)}
                  onChange={(e) =>
                    setNames(e.target.checked ? [...names, name] : names.filter((n) => n !== name))
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy || names.length === 0}>
            Download and sync
          </button>
        </form>
      </div>
      {staged && (
        <LocalFilesImport
          // A new pick starts a new staging, with kinds detected afresh.
          key={staged.map((f) => f.name).join('\n')}
          files={staged}
          force={force}
          busy={busy}
          onClear={() => setStaged(null)}
        />
      )}
    </section>
  )
}

export function SyncPage(): ReactNode {
  const sync = useArchiveSync()
  const busy = sync.status === 'running' || sync.status === 'downloading'
  return (
    <div className="sync-page">
      <PageHeader title="Archive & sync" kicker="Your copy of the archive">
        Everything the app shows comes from this local copy. Syncing never touches your reading lists, notes
        or settings.
      </PageHeader>
      <Interrupted sync={sync} />
      <ReplaceConfirmation sync={sync} />
      <CurrentSync sync={sync} />
      {!busy && (
        <ResultSummary result={sync.lastResult} message={sync.status === 'idle' ? sync.message : null} />
      )}
      <LocalArchive running={sync.status === 'running'} />
      <Sources busy={busy} />
    </div>
  )
}
