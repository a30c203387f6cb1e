import { BrowserWindow, screen, shell } from 'electron'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openExternalUrl } from '../../shared/security/externalLinks'
import { APP_ORIGIN, isInAppUrl } from '../security/ipcSender'
import { restoreWindowBounds, type WindowBounds } from './windowState'

export interface MainWindowOptions {
  preloadPath: string
  stateFile: string
  devServerUrl?: string
}

function readSavedBounds(stateFile: string): unknown {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'))
  } catch {
    return null
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  const bounds = restoreWindowBounds(readSavedBounds(options.stateFile), displays)
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Papers With Code 2',
    backgroundColor: '#f7f7f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  if (bounds.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  const saveBounds = (): void => {
    const state: WindowBounds = { ...window.getNormalBounds(), maximized: window.isMaximized() }
    try {
      writeFileSync(options.stateFile, JSON.stringify(state))
    } catch {
      // Losing the window position is not worth interrupting a quit.
    }
  }
  window.on('close', saveBounds)

  // New windows would escape our navigation guard; web links go to the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalUrl(url, (allowed) => shell.openExternal(allowed))
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (isInAppUrl(url, options.devServerUrl)) return
    event.preventDefault()
    void openExternalUrl(url, (allowed) => shell.openExternal(allowed))
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())

  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/`)
  return window
}

export function windowStateFile(userData: string): string {
  return path.join(userData, 'window-state.json')
}
