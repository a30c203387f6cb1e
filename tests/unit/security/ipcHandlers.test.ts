/**
 * Every IPC handler the main process registers, against a recording stand-in for Electron:
 * none runs for a sender that is not the app's main frame (checklist 17), and the one that
 * reaches the shell passes the link policy first (checklist 15).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IpcChannel } from '../../../src/shared/api'
import { fakeElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const { registerIpcHandlers } = await import('../../../src/main/ipc/registerIpcHandlers')

type Handler = (event: unknown, payload?: unknown) => Promise<unknown> | unknown

registerIpcHandlers({ resourcesDir: '/nonexistent', cacheDir: '/nonexistent', getWindow: () => null })
const handlers = new Map(fakeElectron.ipcMain.handle.mock.calls as unknown as [string, Handler][])

function invokeEvent(frameUrl: string | undefined, isMainFrame = true): unknown {
  const mainFrame = { url: frameUrl }
  return {
    sender: { mainFrame, send: vi.fn() },
    senderFrame: isMainFrame ? mainFrame : { url: frameUrl }
  }
}

const EVENT_CHANNELS: string[] = [IpcChannel.downloadProgress, IpcChannel.menuCommand]
const INVOKE_CHANNELS = Object.values(IpcChannel).filter((channel) => !EVENT_CHANNELS.includes(channel))

beforeEach(() => fakeElectron.shell.openExternal.mockClear())

describe('IPC handlers', () => {
  it('registers exactly the invoke channels of the AppApi contract', () => {
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it.each(
    INVOKE_CHANNELS.flatMap((channel) => [
      [channel, 'a web page', invokeEvent('https://evil.example/')],
      [channel, 'a sub-frame of the app', invokeEvent('app://pwc/', false)],
      [channel, 'another app:// host', invokeEvent('app://evil/')],
      [channel, 'a destroyed frame', { sender: { mainFrame: null }, senderFrame: null }]
    ])
  )('%s refuses %s before doing anything', async (channel, _who, event) => {
    const handler = handlers.get(channel)
    await expect(async () => handler?.(event, 'https://github.com/')).rejects.toThrow(/untrusted frame/)
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('answers the app’s main frame, and opens only web links', async () => {
    const open = handlers.get(IpcChannel.openExternal)
    const event = invokeEvent('app://pwc/paper/electra')
    expect(await open?.(event, 'https://github.com/google-research/electra')).toBe(true)
    expect(await open?.(event, 'file:///etc/passwd')).toBe(false)
    expect(await open?.(event, { url: 'https://x.org' })).toBe(false)
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(await handlers.get(IpcChannel.getAppInfo)?.(event)).toMatchObject({ host: 'electron' })
  })
})
