import { useState, type FormEvent, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { ReadingList } from '../../shared/library/libraryTypes'
import { routes } from '../../shared/routes'
import { appDatabase } from '../data/appDatabase'
import { DEFAULT_LIST_ID, createList, deleteList, moveList, renameList, undoDeletion } from './libraryActions'
import type { LibraryData } from './useLibrary'
import { countLabel } from '../../shared/countLabel'

function ListRow({
  list,
  count,
  first,
  last,
  offerUndo
}: {
  list: ReadingList
  count: number
  first: boolean
  last: boolean
  offerUndo: (message: string, undo: () => Promise<void>) => void
}): ReactNode {
  const [draft, setDraft] = useState<string | null>(null)
  const remove = async (): Promise<void> => {
    const deleted = await deleteList(appDatabase, list.id)
    if (deleted) {
      const papers = countLabel(deleted.entries.length, 'paper')
      offerUndo(`Deleted “${list.name}” (${papers}).`, () => undoDeletion(appDatabase, deleted))
    }
  }
  const rename = (event: FormEvent): void => {
    event.preventDefault()
    if (draft !== null && draft.trim() !== '') void renameList(appDatabase, list.id, draft)
    setDraft(null)
  }
  return (
    <li className="list-row">
      {draft === null ? (
        <Link className="list-row__name" to={routes.list(list.id)}>
          {list.name}
        </Link>
      ) : (
        <form className="list-row__rename" onSubmit={rename}>
          <input
            type="text"
            value={draft}
            aria-label={`New name for ${list.name}`}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDraft(null)
            }}
          />
          <button type="submit" className="button button--primary">
            Save
          </button>
          <button type="button" className="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
      <span className="muted list-row__count">{countLabel(count, 'paper')}</span>
      <span className="list-row__actions">
        {draft === null && (
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Rename ${list.name}`}
            onClick={() => setDraft(list.name)}
          >
            Rename
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Move ${list.name} up`}
          title="Move up"
          disabled={first}
          onClick={() => void moveList(appDatabase, list.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Move ${list.name} down`}
          title="Move down"
          disabled={last}
          onClick={() => void moveList(appDatabase, list.id, 1)}
        >
          ↓
        </button>
        {list.id !== DEFAULT_LIST_ID && (
          <button
            type="button"
            className="button button--quiet button--danger"
            aria-label={`Delete ${list.name}`}
            onClick={() => void remove()}
          >
            Delete
          </button>
        )}
      </span>
    </li>
  )
}

/** The user's lists: open, create, rename, reorder and delete (with undo). */
export function ListManager({
  data,
  offerUndo
}: {
  data: LibraryData
  offerUndo: (message: string, undo: () => Promise<void>) => void
}): ReactNode {
  const [name, setName] = useState('')
  const counts = new Map<string, number>()
  for (const entry of data.entries) counts.set(entry.listId, (counts.get(entry.listId) ?? 0) + 1)
  const create = (event: FormEvent): void => {
    event.preventDefault()
    if (name.trim() === '') return
    void createList(appDatabase, name).then(() => setName(''))
  }
  return (
    <section className="panel" aria-labelledby="library-lists">
      <h2 id="library-lists">Lists</h2>
      <ul className="list-rows" aria-label="Lists">
        {data.lists.map((list, index) => (
          <ListRow
            key={list.id}
            list={list}
            count={counts.get(list.id) ?? 0}
            first={index === 0}
            last={index === data.lists.length - 1}
            offerUndo={offerUndo}
          />
        ))}
      </ul>
      <form className="new-list" onSubmit={create}>
        <input
          type="text"
          value={name}
          placeholder="New list name"
          aria-label="New list name"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" disabled={name.trim() === ''}>
          Create list
        </button>
      </form>
    </section>
  )
}
