/**
 * A stand-in for the `electron` module, just large enough to run our main-process and preload
 * modules in Node (the Electron binary cannot run here): it records what they ask Electron to
 * do (window options, handlers, protocol and IPC registrations) so tests can check the policy
 * those calls set up. Used with `vi.mock('electron', …)`.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { vi } from 'vitest'

type Listener = (...args: never[]) => unknown

export class FakeWebContents {
  readonly listeners = new Map<string, Listener>()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly mainFrame = { url: 'app://pwc/' }
  readonly send = vi.fn()

  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener)
    return this
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  /** Emits `event` with a fresh event object; resolves to whether a listener prevented it. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false
    const listener = this.listeners.get(event) as ((...a: unknown[]) => void) | undefined
    listener?.({ preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

export class FakeBrowserWindow {
  static readonly created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null

  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.created.push(this)
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }

  once(): this {
    return this
  }

  on(): this {
    return this
  }

  maximize(): void {}
  show(): void {}
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created
  }
}

export const fakeElectron = {
  BrowserWindow: FakeBrowserWindow,
  shell: { openExternal: vi.fn(async () => undefined) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  // Electron's net.fetch reads file: URLs; Node's fetch does not.
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
  ipcMain: { handle: vi.fn() },
  app: { getVersion: () => '0.0.0-test', getPath: () => '/nonexistent' },
  dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true })) },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => undefined), on: vi.fn(), removeListener: vi.fn() }
}
