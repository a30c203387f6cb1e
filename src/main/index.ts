import { app, BrowserWindow, session } from 'electron'
import path from 'node:path'
import { handleAppScheme, registerAppScheme } from './appProtocol'
import { registerIpcHandlers } from './ipc/registerIpcHandlers'
import { installAppMenu } from './menu'
import { installPermissionPolicy } from './security/permissionPolicy'
import { createMainWindow, windowStateFile } from './window/mainWindow'

// A second instance would open the same IndexedDB from another process and fight over it.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  let mainWindow: BrowserWindow | null = null
  const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
  const resourcesDir = app.isPackaged
    ? path.join(process.resourcesPath, 'resources')
    : path.join(app.getAppPath(), 'resources')

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    installPermissionPolicy(session.defaultSession, devServerUrl)
    handleAppScheme({
      renderer: path.join(__dirname, '../renderer'),
      resources: resourcesDir,
      cache: path.join(app.getPath('userData'), 'archive-cache')
    })
    const getWindow = (): BrowserWindow | null => mainWindow
    registerIpcHandlers({
      resourcesDir,
      cacheDir: path.join(app.getPath('userData'), 'archive-cache'),
      devServerUrl,
      getWindow
    })
    installAppMenu(getWindow)
    const open = (): void => {
      mainWindow = createMainWindow({
        preloadPath: path.join(__dirname, '../preload/index.js'),
        stateFile: windowStateFile(app.getPath('userData')),
        devServerUrl
      })
      mainWindow.on('closed', () => (mainWindow = null))
    }
    open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open()
    })
  })
}
