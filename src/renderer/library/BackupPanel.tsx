import { useState, type ChangeEvent, type ReactNode } from 'react'
import { BackupFormatError, parseBackup, planRestore, type LibraryBackup } from '../../shared/library/backup'
import type { RestoreMode, RestoreReport } from '../../shared/library/restorePlan'
import { appDatabase } from '../data/appDatabase'
import { readLibrary, restoreLibrary } from './libraryActions'
import { saveBackup } from './libraryFiles'
import { countLabel } from '../../shared/countLabel'

interface PendingRestore {
  fileName: string
  backup: LibraryBackup
  mode: RestoreMode
  report: RestoreReport
}

async function preview(fileName: string, backup: LibraryBackup, mode: RestoreMode): Promise<PendingRestore> {
  const { report } = planRestore(await readLibrary(appDatabase), backup, mode)
  return { fileName, backup, mode, report }
}

function describeError(reason: unknown): string {
  if (reason instanceof BackupFormatError) return reason.message
  return `The file could not be read: ${reason instanceof Error ? reason.message : String(reason)}`
}

/**
 * Backup and restore of the whole library. A restore is planned first and its report shown; only
 * "Restore" writes, in one transaction over the user tables.
 */
export function BackupPanel(): ReactNode {
  const [pending, setPending] = useState<PendingRestore | null>(null)
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const chooseFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setMessage(null)
    setPending(null)
    file
      .text()
      .then((text) => preview(file.name, parseBackup(text), 'merge'))
      .then(setPending)
      .catch((reason: unknown) => setMessage({ kind: 'error', text: describeError(reason) }))
  }

  const changeMode = (mode: RestoreMode): void => {
    if (!pending) return
    void preview(pending.fileName, pending.backup, mode).then(setPending)
  }

  const restore = async (): Promise<void> => {
    if (!pending) return
    setBusy(true)
    try {
      const report = await restoreLibrary(appDatabase, pending.backup, pending.mode)
      setPending(null)
      setMessage({
        kind: 'done',
        text:
          report.mode === 'replace'
            ? `Library replaced by the backup: ${countLabel(report.lists.added, 'list')}, ${countLabel(report.entries.added, 'paper in lists', 'papers in lists')}.`
            : `Backup merged: ${countLabel(report.entries.added, 'paper')} added, ${report.entries.updated} updated.`
      })
    } catch (reason) {
      setMessage({ kind: 'error', text: `Nothing was restored: ${describeError(reason)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="library-backup">
      <h2 id="library-backup">Backup and restore</h2>
      <p className="muted">
        A backup is one JSON file with every list, entry, note, tag, saved search and followed leaderboard. It
        holds no archive data, so it restores into any archive version.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void saveBackup(appDatabase).catch((reason: unknown) =>
              setMessage({ kind: 'error', text: describeError(reason) })
            )
          }
        >
          Save backup
        </button>
        <label className="button">
          Restore from backup…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label="Restore from a backup file"
            onChange={chooseFile}
          />
        </label>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'error-text' : 'notice'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {pending && (
        <div className="restore-preview" role="region" aria-label="Restore preview">
          <h3>Restore {pending.fileName}</h3>
          <fieldset className="restore-preview__modes">
            <legend>How</legend>
            <label>
              <input
                type="radio"
                name="restore-mode"
                checked={pending.mode === 'merge'}
                onChange={() => changeMode('merge')}
              />{' '}
              Merge into my library (nothing is removed)
            </label>
            <label>
              <input
                type="radio"
                name="restore-mode"
                checked={pending.mode === 'replace'}
                onChange={() => changeMode('replace')}
              />{' '}
              Replace my library with the backup
            </label>
          </fieldset>
          <ul className="restore-preview__report" aria-label="What the restore will do">
            {pending.report.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void restore()}
            >
              {pending.mode === 'replace' ? 'Replace library' : 'Merge backup'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
