import { useEffect, useState } from 'react'
import { appDatabase } from '../data/appDatabase'
import { DEFAULT_LIST_NAME, toggleBookmark } from './libraryActions'

export interface BookmarkKeyNotice {
  /** Changes on every press, so saying the same thing twice still re-announces it. */
  id: number
  text: string
}

const PAPER_PATH = /^\/paper\/([^/]+)\/?$/

function paperIdFromPath(path: string): string | null {
  const match = PAPER_PATH.exec(path)
  if (!match) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

/**
 * The paper `b` acts on: the focused row's paper when a list row has focus (its title link
 * carries `data-list-item`), else the paper whose page is open.
 */
export function paperForBookmarkKey(focused: Element | null, pathname: string): string | null {
  const row = focused?.closest('[data-list-item], [role="listitem"], li, article')
  const link = row?.matches('[data-list-item]') ? row : row?.querySelector('[data-list-item]')
  if (link) return paperIdFromPath(new URL(link.getAttribute('href') ?? '', window.location.href).pathname)
  return paperIdFromPath(pathname)
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/**
 * `b` saves the focused paper row's paper, or the open paper page's, to the default reading list,
 * or removes it from there; resolves the last thing it did as a notice for a live region.
 */
export function useBookmarkKey(): BookmarkKeyNotice | null {
  const [notice, setNotice] = useState<BookmarkKeyNotice | null>(null)

  useEffect(() => {
    let presses = 0
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'b' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target) || event.defaultPrevented) return
      const paperId = paperForBookmarkKey(document.activeElement, window.location.pathname)
      if (paperId === null) return
      event.preventDefault()
      const id = ++presses
      void (async () => {
        const paper = await appDatabase.papers.get(paperId)
        if (!paper) {
          setNotice({ id, text: 'This paper is not in the local archive, so it cannot be saved.' })
          return
        }
        const saved = await toggleBookmark(appDatabase, paper)
        setNotice({
          id,
          text: saved
            ? `Saved “${paper.title}” to ${DEFAULT_LIST_NAME}.`
            : `Removed “${paper.title}” from ${DEFAULT_LIST_NAME}.`
        })
      })()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (notice === null) return
    const timer = window.setTimeout(
      () => setNotice((current) => (current?.id === notice.id ? null : current)),
      4000
    )
    return () => window.clearTimeout(timer)
  }, [notice])

  return notice
}
