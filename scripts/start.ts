/**
 * `npm start`: builds, then opens the desktop app. Where the Electron runtime cannot be
 * obtained (its download comes from GitHub), says so in one line and serves browser mode.
 * `npm run web` (`--web`) serves browser mode directly.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { findElectronRuntime } from './electronRuntime'
import { startWebServer } from './webServer'

const repo = path.resolve(__dirname, '..')
const webOnly = process.argv.includes('--web')

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: repo, stdio: 'inherit' }).status ?? 1
}

async function serveBrowserMode(): Promise<void> {
  const port = Number(process.env.PORT ?? 5173)
  const server = await startWebServer({
    rendererDir: path.join(repo, 'out/renderer'),
    resourcesDir: path.join(repo, 'resources'),
    port
  })
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  console.log(`Browser mode: http://127.0.0.1:${actual}/  (Ctrl+C to stop)`)
}

function tryDownloadElectron(): void {
  // Electron's own installer; on a machine without GitHub access it fails quickly.
  spawnSync(process.execPath, [path.join(repo, 'node_modules/electron/install.js')], {
    cwd: repo,
    stdio: 'ignore',
    timeout: 120_000
  })
}

async function main(): Promise<void> {
  if (
    run(process.execPath, [path.join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']) !== 0
  ) {
    process.exit(1)
  }
  if (webOnly) return serveBrowserMode()
  let runtime = findElectronRuntime(repo)
  if (!runtime.available) {
    tryDownloadElectron()
    runtime = findElectronRuntime(repo)
  }
  if (!runtime.available) {
    console.log(`Electron runtime unavailable (${runtime.reason}); serving browser mode instead.`)
    return serveBrowserMode()
  }
  const child = spawn(runtime.executablePath, ['.'], { cwd: repo, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

void main()
