import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import {
  READING_STATUSES,
  READING_STATUS_LABELS,
  type ListEntry,
  type ReadingList,
  type ReadingStatus
} from '../../shared/library/libraryTypes'
import { routes } from '../../shared/routes'
import { ExternalLink } from '../components/ExternalLink'
import { formatDate } from '../components/PaperLinks'
import { MarkdownText } from '../components/markdown/MarkdownText'
import { StorageFullNotice } from '../components/StorageFacts'
import { StorageFullError } from '../../shared/storage/storageFull'
import { appDatabase } from '../data/appDatabase'
import {
  addTag,
  removeFromList,
  removeTag,
  setStatus,
  transferEntry,
  undoDeletion,
  updateEntry,
  type EntryKey
} from './libraryActions'

// One formatter for every card: `toLocaleDateString` builds a new one per call (~0.2 ms each).
const ADDED_AT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

/** `2025-08-03T12:00:00.000Z` → `3 Aug 2025`, in the user's time zone (when they added it). */
export function formatAddedAt(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return ADDED_AT.format(date)
}

function TagEditor({
  entry,
  entryKey,
  title
}: {
  entry: ListEntry
  entryKey: EntryKey
  title: string
}): ReactNode {
  const [text, setText] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const tag = text
    setText('')
    void addTag(appDatabase, entryKey, tag)
  }
  return (
    <div className="library-entry__tags">
      <ul className="chip-list" aria-label={`Tags of ${title}`}>
        {entry.tags.map((tag) => (
          <li key={tag} className="chip chip--tag">
            {tag}
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove tag ${tag} from ${title}`}
              onClick={() => void removeTag(appDatabase, entryKey, tag)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="tag-form" onSubmit={submit}>
        <input
          type="text"
          value={text}
          placeholder="Add tag…"
          aria-label={`Add a tag to ${title}`}
          onChange={(event) => setText(event.target.value)}
        />
      </form>
    </div>
  )
}

function NoteSaveFailure({ failure }: { failure: unknown }): ReactNode {
  const kept = 'Your note is still here, not saved yet.'
  if (failure instanceof StorageFullError) {
    return (
      <StorageFullNotice bytesNeeded={failure.bytesNeeded}>
        {kept} Free some disk space, then press Save note again.
      </StorageFullNotice>
    )
  }
  return (
    <p className="error-text" role="alert">
      The note could not be saved ({failure instanceof Error ? failure.message : String(failure)}). {kept}{' '}
      Press Save note to try again.
    </p>
  )
}

function NoteEditor({
  entry,
  entryKey,
  title
}: {
  entry: ListEntry
  entryKey: EntryKey
  title: string
}): ReactNode {
  const [draft, setDraft] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const textareaId = useId()
  const edit = (text: string | null): void => {
    setDraft(text)
    setFailure(null)
  }
  if (draft !== null) {
    return (
      <form
        className="library-entry__note-form"
        onSubmit={(event) => {
          event.preventDefault()
          // On failure the draft stays in the editor, unsaved, for another try.
          void updateEntry(appDatabase, entryKey, { note: draft.trimEnd() }).then(
            () => edit(null),
            setFailure
          )
        }}
      >
        <label htmlFor={textareaId} className="visually-hidden">
          Note on {title}
        </label>
        <textarea
          id={textareaId}
          value={draft}
          rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))}
          placeholder="Markdown: **bold**, lists, links, $math$…"
          onChange={(event) => setDraft(event.target.value)}
        />
        {failure !== null && <NoteSaveFailure failure={failure} />}
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Save note
          </button>
          <button type="button" className="button" onClick={() => edit(null)}>
            Cancel
          </button>
        </div>
      </form>
    )
  }
  return (
    <div className="library-entry__note">
      {entry.note.trim() !== '' && <MarkdownText text={entry.note} className="library-entry__note-text" />}
      <button
        type="button"
        className="library-entry__note-toggle"
        aria-label={`${entry.note.trim() === '' ? 'Add a note to' : 'Edit the note on'} ${title}`}
        onClick={() => edit(entry.note)}
      >
        {entry.note.trim() === '' ? 'Add note' : 'Edit note'}
      </button>
    </div>
  )
}

function TransferControl({
  entryKey,
  lists,
  title
}: {
  entryKey: EntryKey
  lists: readonly ReadingList[]
  title: string
}): ReactNode {
  const others = lists.filter((list) => list.id !== entryKey[0])
  const [target, setTarget] = useState('')
  const chosen = others.some((list) => list.id === target) ? target : (others[0]?.id ?? '')
  if (others.length === 0) return null
  return (
    <div className="library-entry__transfer" role="group" aria-label={`Copy or move ${title}`}>
      <button
        type="button"
        className="button"
        onClick={() => void transferEntry(appDatabase, entryKey, chosen, 'copy')}
      >
        Copy
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void transferEntry(appDatabase, entryKey, chosen, 'move')}
      >
        Move
      </button>
      <span className="muted">to</span>
      <select
        aria-label={`Other list for ${title}`}
        value={chosen}
        onChange={(event) => setTarget(event.target.value)}
      >
        {others.map((list) => (
          <option key={list.id} value={list.id}>
            {list.name}
          </option>
        ))}
      </select>
    </div>
  )
}

/** One paper in a list, with everything the user keeps about it. */
export function LibraryEntryCard({
  entry,
  lists,
  inArchive,
  showList,
  offerUndo
}: {
  entry: ListEntry
  lists: readonly ReadingList[]
  /** Whether the archive still holds the paper; `undefined` for the moment it is being asked. */
  inArchive: boolean | undefined
  /** On the library page, where entries of every list are shown together. */
  showList: boolean
  offerUndo: (message: string, undo: () => Promise<void>) => void
}): ReactNode {
  const { snapshot } = entry
  const entryKey: EntryKey = [entry.listId, entry.paperId]
  const titleId = useId()
  const list = lists.find((candidate) => candidate.id === entry.listId)
  const listName = list?.name ?? entry.listId
  const remove = async (): Promise<void> => {
    const removed = await removeFromList(appDatabase, entryKey)
    if (removed) {
      offerUndo(`Removed “${snapshot.title}” from ${listName}.`, () =>
        undoDeletion(appDatabase, { list: null, entries: [removed] })
      )
    }
  }
  return (
    <article className="library-entry" aria-labelledby={titleId}>
      <div className="library-entry__head">
        <h3 id={titleId} className="library-entry__title">
          {inArchive === true ? (
            <Link to={routes.paper(entry.paperId)} data-list-item="">
              {snapshot.title}
            </Link>
          ) : (
            snapshot.title
          )}
        </h3>
        {inArchive === false && (
          <span className="badge badge--gone" title="Shown from the copy kept when it was saved">
            no longer in the archive
          </span>
        )}
      </div>
      <div className="library-entry__meta">
        {snapshot.authors.length > 0 && (
          <span className="library-entry__authors">
            {snapshot.authors.slice(0, 6).join(', ')}
            {snapshot.authors.length > 6 && ` +${snapshot.authors.length - 6} more`}
          </span>
        )}
        <span>{formatDate(snapshot.date)}</span>
        {snapshot.venue && <span className="badge badge--venue">{snapshot.venue}</span>}
        {inArchive === false && snapshot.urlAbs && <ExternalLink href={snapshot.urlAbs}>Paper</ExternalLink>}
        <span>Added {formatAddedAt(entry.addedAt)}</span>
        {showList && (
          <Link className="chip chip--list" to={routes.list(entry.listId)}>
            {listName}
          </Link>
        )}
      </div>
      <div className="library-entry__controls">
        <label className="library-entry__status">
          <span className="visually-hidden">Status of {snapshot.title}</span>
          <select
            className={`status-select status-select--${entry.status}`}
            value={entry.status}
            onChange={(event) => void setStatus(appDatabase, entryKey, event.target.value as ReadingStatus)}
          >
            {READING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {READING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <TransferControl entryKey={entryKey} lists={lists} title={snapshot.title} />
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Remove ${snapshot.title} from ${listName}`}
          onClick={() => void remove()}
        >
          Remove
        </button>
      </div>
      <TagEditor entry={entry} entryKey={entryKey} title={snapshot.title} />
      <NoteEditor entry={entry} entryKey={entryKey} title={snapshot.title} />
    </article>
  )
}
