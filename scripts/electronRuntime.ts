/**
 * Finds the Electron executable without `require('electron')`: that call downloads the binary
 * from GitHub on first use, which hangs or fails on machines without that network.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type ElectronRuntime =
  { available: true; executablePath: string } | { available: false; reason: string }

export function findElectronRuntime(repoRoot: string): ElectronRuntime {
  const override = process.env.ELECTRON_PATH
  if (override) {
    return existsSync(override)
      ? { available: true, executablePath: override }
      : { available: false, reason: `ELECTRON_PATH=${override} does not exist` }
  }
  const packageDir = path.join(repoRoot, 'node_modules', 'electron')
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/dist is missing)'
    }
  }
  const executablePath = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executablePath)
    ? { available: true, executablePath }
    : { available: false, reason: `the Electron binary is missing at ${executablePath}` }
}
