/**
 * The main window as `createMainWindow` builds it, against a recording stand-in for Electron:
 * Electron's security checklist items that are options or handlers of the window.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, fakeElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const { createMainWindow } = await import('../../../src/main/window/mainWindow')

function openWindow(devServerUrl?: string): FakeBrowserWindow {
  createMainWindow({
    preloadPath: '/app/out/preload/index.js',
    stateFile: '/nonexistent/state.json',
    devServerUrl
  })
  const window = FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

beforeEach(() => fakeElectron.shell.openExternal.mockClear())

describe('the main window', () => {
  it('isolates and sandboxes the renderer, with no Node and no weakened web security', () => {
    const prefs = openWindow().options.webPreferences ?? {}
    expect(prefs).toMatchObject({
      contextIsolation: true, // checklist 3
      sandbox: true, // checklist 4
      nodeIntegration: false, // checklist 2
      preload: '/app/out/preload/index.js'
    })
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true)
    expect(prefs.webSecurity).not.toBe(false) // checklist 6
    expect(prefs.allowRunningInsecureContent).not.toBe(true) // checklist 8
    expect(prefs.experimentalFeatures).not.toBe(true) // checklist 9
    expect(prefs.enableBlinkFeatures).toBeUndefined() // checklist 10
    expect(prefs.webviewTag).not.toBe(true) // checklists 11–12: no <webview> at all
  })

  it('loads the app from its own secure scheme, not file:// or http', () => {
    expect(openWindow().loadedUrl).toBe('app://pwc/') // checklists 1 and 18
  })

  it('denies every new window; only web links go to the system browser', async () => {
    const { webContents } = openWindow()
    for (const url of [
      'https://github.com/google-research/electra',
      'javascript:alert(1)',
      'file:///etc/passwd'
    ]) {
      expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' }) // checklist 14
    }
    await vi.waitFor(() => expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1))
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://github.com/google-research/electra')
  })

  it('blocks navigation off the app (checklist 13), opening web links externally instead', async () => {
    const { webContents } = openWindow()
    expect(webContents.emit('will-navigate', 'app://pwc/paper/electra')).toBe(false)
    expect(webContents.emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(webContents.emit('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(webContents.emit('will-navigate', 'app://evil/')).toBe(true)
    await vi.waitFor(() =>
      expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://evil.example/')
    )
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('trusts the dev server only when it runs one', () => {
    const { webContents } = openWindow('http://localhost:5173')
    expect(webContents.emit('will-navigate', 'http://localhost:5173/papers')).toBe(false)
    expect(openWindow().webContents.emit('will-navigate', 'http://localhost:5173/papers')).toBe(true)
  })

  it('refuses to attach any <webview> (checklist 12)', () => {
    expect(openWindow().webContents.emit('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(
      true
    )
  })
})
