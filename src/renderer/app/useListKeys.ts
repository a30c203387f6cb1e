import { useEffect } from 'react'
import { useNavigate } from 'react-router-dom'

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
}

/**
 * Keyboard browsing as on the old site's power-user shortcuts: `j`/`k` move between the items
 * of the page's list (links marked `data-list-item`), Enter opens the focused one (it is a
 * link), Backspace goes back.
 */
export function useListKeys(): void {
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      if (event.key === 'Backspace') {
        event.preventDefault()
        void navigate(-1)
        return
      }
      if (event.key !== 'j' && event.key !== 'k') return
      const items = [...document.querySelectorAll<HTMLElement>('main [data-list-item]')]
      if (items.length === 0) return
      event.preventDefault()
      const current = items.indexOf(document.activeElement as HTMLElement)
      const next =
        current === -1 ? 0 : Math.max(0, Math.min(items.length - 1, current + (event.key === 'j' ? 1 : -1)))
      items[next].focus()
      items[next].scrollIntoView({ block: 'nearest' })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])
}
