import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import { Highlighted } from './Highlighted'
import { useQuickResults } from './useQuickResults'

const KIND_LABEL: Record<string, string> = {
  task: 'Task',
  dataset: 'Dataset',
  method: 'Method',
  leaderboard: 'Leaderboard',
  paper: 'Paper'
}

/** Ctrl/Cmd+K: jump to any paper, task, dataset, method or leaderboard by name. */
export function CommandPalette(): ReactNode {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const navigate = useNavigate()
  const results = useQuickResults(open ? query : '')

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOpen(true)
        setQuery('')
        setActive(0)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])

  if (!open) return null
  const go = (index: number): void => {
    const target = results[index]
    if (!target) return
    setOpen(false)
    navigate(target.path)
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') setOpen(false)
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1))
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1))
    else if (event.key === 'Enter') go(active)
    else return
    event.preventDefault()
  }
  return (
    <div className="palette-backdrop" onClick={() => setOpen(false)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Go to anything"
        onClick={(e) => e.stopPropagation()}
      >
        <input
          ref={input}
          className="palette__input"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="palette-results"
          aria-label="Go to a paper, task, dataset, method or leaderboard"
          placeholder="Go to a paper, task, dataset, method or leaderboard…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-results" role="listbox" className="palette__results" aria-label="Matches">
          {results.map((result, index) => (
            <li
              key={result.key}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'palette__item palette__item--active' : 'palette__item'}
              onMouseEnter={() => setActive(index)}
              onClick={() => go(index)}
            >
              <span className="palette__kind">{KIND_LABEL[result.kind]}</span>
              <span className="palette__label">
                <Highlighted text={result.label} terms={result.terms} />
              </span>
            </li>
          ))}
        </ul>
        <p className="palette__hint muted">↑↓ to move · Enter to open · Esc to close</p>
      </div>
    </div>
  )
}
