import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { PaperRecord } from '../../shared/archive/entities'
import { appDatabase } from '../data/appDatabase'
import {
  DEFAULT_LIST_ID,
  DEFAULT_LIST_NAME,
  addToList,
  createList,
  removeFromList,
  toggleBookmark
} from './libraryActions'
import { useListsHolding, useReadingLists } from './useReadingLists'

/**
 * Saves a paper to the default reading list with one click, and to any other lists through its
 * menu (a paper can be in several). Fits a paper page and a `PaperRow`'s `actions` slot (`compact`).
 *
 * The menu is a popover: it renders in the top layer, so a row's `overflow: hidden` (virtual
 * lists clip their rows) cannot cut it off, and it closes on Escape or a click elsewhere.
 */
export function BookmarkControl({
  paper,
  compact = false
}: {
  paper: PaperRecord
  compact?: boolean
}): ReactNode {
  const lists = useReadingLists()
  const holding = useListsHolding(paper.id)
  const menuId = useId()
  const menuRef = useRef<HTMLDivElement>(null)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)
  const [newName, setNewName] = useState('')

  useEffect(() => {
    const menu = menuRef.current
    if (!menu) return
    const onToggle = (event: Event): void => setOpen((event as ToggleEvent).newState === 'open')
    menu.addEventListener('toggle', onToggle)
    return () => menu.removeEventListener('toggle', onToggle)
  }, [])

  const inDefault = holding?.includes(DEFAULT_LIST_ID) ?? false
  const shownLists =
    lists === undefined
      ? []
      : lists.some((list) => list.id === DEFAULT_LIST_ID)
        ? lists
        : [{ id: DEFAULT_LIST_ID, name: DEFAULT_LIST_NAME }, ...lists]

  const toggleMenu = (): void => {
    const menu = menuRef.current
    const trigger = triggerRef.current
    if (!menu || !trigger) return
    if (menu.matches(':popover-open')) {
      menu.hidePopover()
      return
    }
    const rect = trigger.getBoundingClientRect()
    menu.style.top = `${rect.bottom + 4}px`
    menu.style.left = `${Math.max(8, Math.min(rect.right - 280, window.innerWidth - 288))}px`
    menu.showPopover()
  }

  const setMembership = (listId: string, member: boolean): void => {
    void (member ? addToList(appDatabase, paper, listId) : removeFromList(appDatabase, [listId, paper.id]))
  }

  const createAndAdd = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const name = newName.trim()
    if (name === '') return
    const id = await createList(appDatabase, name)
    await addToList(appDatabase, paper, id)
    setNewName('')
  }

  const mainLabel = inDefault ? 'Saved to reading list' : 'Save to reading list'
  return (
    <div className={`bookmark-control ${compact ? 'bookmark-control--compact' : ''}`}>
      <button
        type="button"
        className={`button bookmark-control__main ${inDefault ? 'button--saved' : ''}`}
        aria-pressed={inDefault}
        aria-label={compact ? `${mainLabel}: ${paper.title}` : undefined}
        title={compact ? `${mainLabel} (b)` : 'Shortcut: b'}
        disabled={holding === undefined}
        onClick={() => void toggleBookmark(appDatabase, paper)}
      >
        <span aria-hidden="true">{inDefault ? '★' : '☆'}</span>
        {!compact && ` ${mainLabel}`}
      </button>
      <button
        ref={triggerRef}
        type="button"
        className="button bookmark-control__more"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Choose lists for ${paper.title}`}
        title="Save to other lists"
        onClick={toggleMenu}
      >
        <span aria-hidden="true">▾</span>
        {holding !== undefined && holding.length > 1 && (
          <span className="bookmark-control__count">{holding.length}</span>
        )}
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        role="dialog"
        aria-label={`Lists for ${paper.title}`}
        className="bookmark-menu"
      >
        {/* Filled only while open: a screenful of rows would otherwise carry every list's
            checkbox and a form each, unseen. */}
        {open && (
          <>
            <p className="bookmark-menu__title">Save to lists</p>
            <ul className="bookmark-menu__lists">
              {shownLists.map((list) => (
                <li key={list.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={holding?.includes(list.id) ?? false}
                      onChange={(event) => setMembership(list.id, event.target.checked)}
                    />
                    {list.name}
                  </label>
                </li>
              ))}
            </ul>
            <form className="bookmark-menu__new" onSubmit={(event) => void createAndAdd(event)}>
              <input
                type="text"
                value={newName}
                placeholder="New list…"
                aria-label="Name of a new list"
                onChange={(event) => setNewName(event.target.value)}
              />
              <button type="submit" className="button" disabled={newName.trim() === ''}>
                Create and add
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  )
}
