import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IpcChannel, type MenuCommand } from '../shared/api'

function send(window: BrowserWindow | null, command: MenuCommand): void {
  window?.webContents.send(IpcChannel.menuCommand, command)
}

/** The usual menus, plus the app's own navigation so every page has a keyboard path. */
export function installAppMenu(getWindow: () => BrowserWindow | null): void {
  const isMac = process.platform === 'darwin'
  const go = (label: string, path: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(getWindow(), { kind: 'navigate', path })
  })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        go('Sync archive…', '/sync', 'CmdOrCtrl+Shift+S'),
        {
          label: 'Go to URL…',
          accelerator: 'CmdOrCtrl+L',
          click: () => send(getWindow(), { kind: 'go-to-url' })
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        {
          label: 'Search',
          accelerator: 'CmdOrCtrl+F',
          click: () => send(getWindow(), { kind: 'focus-search' })
        },
        { label: 'Toggle dark theme', click: () => send(getWindow(), { kind: 'toggle-theme' }) },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: 'Go',
      submenu: [
        go('Papers', '/papers', 'CmdOrCtrl+1'),
        go('Tasks / SotA', '/sota', 'CmdOrCtrl+2'),
        go('Datasets', '/datasets', 'CmdOrCtrl+3'),
        go('Methods', '/methods', 'CmdOrCtrl+4'),
        go('Reading lists', '/lists', 'CmdOrCtrl+5')
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [go('About Papers With Code 2', '/about')] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
