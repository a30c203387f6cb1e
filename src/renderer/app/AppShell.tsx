import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom'
import { resolveOldSiteUrl, routes } from '../../shared/routes'
import { appApi } from '../platform/appApi'
import { Highlighted } from '../search/Highlighted'
import { useQuickResults } from '../search/useQuickResults'
import { useListKeys } from './useListKeys'
import { useTheme } from './theme'

const NAV_ITEMS = [
  { to: routes.papers(), label: 'Papers' },
  { to: routes.sotaHome(), label: 'Tasks / SotA' },
  { to: routes.datasets(), label: 'Datasets' },
  { to: routes.methods(), label: 'Methods' },
  { to: routes.lists(), label: 'Reading lists' }
]

/** Header search: a query goes to the results page; a pasted paperswithcode.com URL opens its page. */
function HeaderSearch({ inputRef }: { inputRef: React.RefObject<HTMLInputElement | null> }): ReactNode {
  const navigate = useNavigate()
  const location = useLocation()
  const [text, setText] = useState('')
  const [focused, setFocused] = useState(false)
  // Search as you type: names and top papers while typing; Enter opens the full results page.
  const suggestions = useQuickResults(focused ? text : '', { entities: 4, papers: 5 })
  // A notice belongs to the page it was raised on; navigating away dismisses it.
  const [notice, setNotice] = useState<{ path: string; text: string } | null>(null)
  const visibleNotice = notice?.path === location.pathname ? notice.text : null

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const query = text.trim()
    if (!query) return
    const resolved = resolveOldSiteUrl(query)
    setFocused(false)
    if (resolved.kind === 'route') {
      setText('')
      navigate(resolved.path)
    } else if (resolved.kind === 'unsupported') {
      setNotice({ path: location.pathname, text: resolved.reason })
    } else {
      navigate(routes.search(query))
    }
  }
  return (
    <form className="header-search" role="search" onSubmit={submit}>
      <input
        ref={inputRef}
        type="search"
        aria-label="Search papers, tasks, datasets and methods, or paste a paperswithcode.com link"
        placeholder="Search, or paste a paperswithcode.com link…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {suggestions.length > 0 && (
        <ul className="header-search__suggestions" aria-label="Suggestions">
          {suggestions.map((s) => (
            <li key={s.key}>
              <Link
                to={s.path}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setText('')
                  setFocused(false)
                }}
              >
                <span className="palette__kind">{s.kind}</span>
                <span className="palette__label">
                  <Highlighted text={s.label} terms={s.terms} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {visibleNotice && (
        <p className="header-search__notice" role="status">
          {visibleNotice}
        </p>
      )}
    </form>
  )
}

export function AppShell({ children, status }: { children: ReactNode; status?: ReactNode }): ReactNode {
  const { theme, preference, toggleTheme, followSystem } = useTheme()
  const navigate = useNavigate()
  const searchRef = useRef<HTMLInputElement>(null)
  useListKeys()

  useEffect(
    () =>
      appApi.onMenuCommand((command) => {
        if (command.kind === 'navigate') navigate(command.path)
        else if (command.kind === 'toggle-theme') toggleTheme()
        else searchRef.current?.focus()
      }),
    [navigate, toggleTheme]
  )

  useEffect(() => {
    // `/` focuses search, as on the old site, unless the user is already typing somewhere.
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) {
        event.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <Link to={routes.home()} className="brand" aria-label="Papers With Code 2, home">
          <span className="brand__mark" aria-hidden="true">
            ⟨/⟩
          </span>
          <span className="brand__name">
            Papers With Code <span className="brand__two">2</span>
          </span>
        </Link>
        <nav className="shell__nav" aria-label="Main">
          {NAV_ITEMS.map((item) => (
            <NavLink key={item.to} to={item.to} className="shell__nav-link">
              {item.label}
            </NavLink>
          ))}
        </nav>
        <HeaderSearch inputRef={searchRef} />
        <div className="shell__tools">
          {status}
          <button
            type="button"
            className="icon-button"
            onClick={toggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          {preference !== 'system' && (
            <button
              type="button"
              className="icon-button icon-button--text"
              onClick={followSystem}
              aria-label="Follow the system theme"
              title="Follow the system's light or dark setting again"
            >
              Auto
            </button>
          )}
        </div>
      </header>
      <main id="main" className="shell__main">
        {children}
      </main>
      <footer className="shell__footer">
        <span>
          Data: <strong>Papers with Code</strong>, paperswithcode.com, CC-BY-SA 4.0 — kept on this machine.
        </span>
        <span className="shell__footer-links">
          <Link to={routes.sync()}>Archive &amp; sync</Link>
          <Link to={routes.about()}>About</Link>
        </span>
      </footer>
    </div>
  )
}
