import { app, dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { IpcChannel, type AppInfo, type ArchiveFileRef } from '../../shared/api'
import { parseSampleManifest } from '../../shared/sampleManifest'
import { openExternalUrl } from '../../shared/security/externalLinks'
import { downloadArchiveFiles } from '../archive/downloadArchiveFiles'
import { APP_ORIGIN, isTrustedSender } from '../security/ipcSender'
import { parseDownloadRequest, parseSaveFileRequest } from './validatePayload'

export interface IpcContext {
  resourcesDir: string
  cacheDir: string
  devServerUrl?: string
  getWindow: () => BrowserWindow | null
}

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => unknown

/** Every handler goes through here: nothing runs for a frame that is not our app's main frame. */
function handleTrusted(channel: string, context: IpcContext, handler: Handler): void {
  ipcMain.handle(channel, (event, payload: unknown) => {
    const trusted = isTrustedSender(
      { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame === event.sender.mainFrame },
      context.devServerUrl
    )
    if (!trusted) throw new Error(`Refused ${channel} from an untrusted frame`)
    return handler(event, payload)
  })
}

export function registerIpcHandlers(context: IpcContext): void {
  let download: AbortController | null = null

  handleTrusted(IpcChannel.getAppInfo, context, (): AppInfo => {
    return { version: app.getVersion(), host: 'electron', platform: process.platform }
  })

  handleTrusted(IpcChannel.openExternal, context, (_event, url) =>
    openExternalUrl(url, (allowed) => shell.openExternal(allowed))
  )

  handleTrusted(IpcChannel.listBundledSample, context, async (): Promise<ArchiveFileRef[]> => {
    const manifestPath = path.join(context.resourcesDir, 'sample', 'manifest.json')
    const manifest = parseSampleManifest(JSON.parse(await fs.readFile(manifestPath, 'utf8')))
    return manifest.files.map((file) => ({
      name: file.name,
      size: file.size,
      url: `${APP_ORIGIN}/resources/sample/${encodeURIComponent(file.name)}`
    }))
  })

  handleTrusted(IpcChannel.downloadArchiveFiles, context, async (event, payload) => {
    const request = parseDownloadRequest(IpcChannel.downloadArchiveFiles, payload)
    download?.abort()
    const controller = new AbortController()
    download = controller
    try {
      const files = await downloadArchiveFiles(request, context.cacheDir, {
        signal: controller.signal,
        onProgress: (progress) => event.sender.send(IpcChannel.downloadProgress, progress)
      })
      return files.map<ArchiveFileRef>((file) => ({
        name: file.name,
        size: file.size,
        url: `${APP_ORIGIN}/cache/${encodeURIComponent(file.name)}`
      }))
    } finally {
      if (download === controller) download = null
    }
  })

  handleTrusted(IpcChannel.cancelDownload, context, () => {
    download?.abort()
  })

  handleTrusted(IpcChannel.saveFile, context, async (_event, payload) => {
    const request = parseSaveFileRequest(IpcChannel.saveFile, payload)
    const window = context.getWindow()
    const options = { defaultPath: request.suggestedName }
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return false
    await fs.writeFile(result.filePath, request.data)
    return true
  })
}
