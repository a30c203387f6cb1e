/**
 * What the preload hands the page, against a recording stand-in for Electron: the AppApi and
 * nothing else; no Electron object reaches web content (checklist 20 of newer versions of the
 * tutorial, "do not expose Electron APIs to untrusted web content").
 */
import { describe, expect, it, vi } from 'vitest'
import { APP_API_GLOBAL, IpcChannel } from '../../../src/shared/api'
import { fakeElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

await import('../../../src/preload/index')
const [[name, api]] = fakeElectron.contextBridge.exposeInMainWorld.mock.calls as unknown as [
  [string, Record<string, unknown>]
]

describe('the preload bridge', () => {
  it('exposes one object of plain functions under the app’s global', () => {
    expect(name).toBe(APP_API_GLOBAL)
    for (const [key, value] of Object.entries(api)) {
      if (key === 'host') expect(value).toBe('electron')
      else expect(typeof value, key).toBe('function')
      expect(value).not.toBe(fakeElectron.ipcRenderer)
    }
    expect(Object.keys(api)).not.toContain('ipcRenderer')
  })

  it('gives listeners the payload only, never the event that carries the sender', () => {
    const listener = vi.fn()
    const onMenu = api.onMenuCommand as (l: (command: unknown) => void) => () => void
    const unsubscribe = onMenu(listener)
    const [channel, wrapped] = fakeElectron.ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (event: unknown, payload: unknown) => void
    ]
    expect(channel).toBe(IpcChannel.menuCommand)
    wrapped({ sender: fakeElectron.ipcRenderer }, { kind: 'focus-search' })
    expect(listener).toHaveBeenCalledWith({ kind: 'focus-search' })
    expect(listener.mock.calls[0]).toHaveLength(1)
    unsubscribe()
    expect(fakeElectron.ipcRenderer.removeListener).toHaveBeenCalledWith(IpcChannel.menuCommand, wrapped)
  })

  it('invokes only declared channels', async () => {
    const openExternal = api.openExternal as (url: string) => Promise<unknown>
    await openExternal('https://github.com/')
    const channels = new Set<string>(Object.values(IpcChannel))
    for (const [channel] of fakeElectron.ipcRenderer.invoke.mock.calls as unknown as [string][])
      expect(channels.has(channel)).toBe(true)
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(
      IpcChannel.openExternal,
      'https://github.com/'
    )
  })
})
