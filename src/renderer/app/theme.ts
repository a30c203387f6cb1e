import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'

export type Theme = 'light' | 'dark'
/** `system` follows the OS's light/dark setting, live; `light` and `dark` are the user's own choice. */
export type ThemePreference = Theme | 'system'

// Only an explicit choice is stored: with nothing stored the app follows the OS. Storing the
// theme the OS had at first launch is what kept the app light after the OS turned dark.
const STORAGE_KEY = 'pwc.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function storedPreference(): ThemePreference {
  const saved = localStorage.getItem(STORAGE_KEY)
  return saved === 'light' || saved === 'dark' ? saved : 'system'
}

function systemTheme(): Theme {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light'
}

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY)
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

export function resolveTheme(preference: ThemePreference, system: Theme): Theme {
  return preference === 'system' ? system : preference
}

/** Runs before React renders so the first paint is already in the right theme. */
export function applyStoredTheme(): void {
  document.documentElement.dataset.theme = resolveTheme(storedPreference(), systemTheme())
}

export interface ThemeControls {
  /** The theme shown. */
  theme: Theme
  preference: ThemePreference
  /** Chooses the other theme explicitly; the choice sticks until `followSystem`. */
  toggleTheme: () => void
  followSystem: () => void
}

export function useTheme(): ThemeControls {
  const [preference, setPreference] = useState<ThemePreference>(storedPreference)
  const system = useSyncExternalStore(subscribeToSystemTheme, systemTheme)
  const theme = resolveTheme(preference, system)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  const choose = useCallback((next: ThemePreference) => {
    if (next === 'system') localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, next)
    setPreference(next)
  }, [])
  const toggleTheme = useCallback(() => choose(theme === 'dark' ? 'light' : 'dark'), [choose, theme])
  const followSystem = useCallback(() => choose('system'), [choose])
  return { theme, preference, toggleTheme, followSystem }
}
