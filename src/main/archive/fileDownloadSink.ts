import { promises as fs } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { DownloadSink } from '../../shared/download/resumableDownload'

/** A download sink on disk: `<name>.part` while in progress, `<name>` once size-checked. */
export function createFileDownloadSink(cacheDir: string, name: string): DownloadSink {
  const finalPath = path.join(cacheDir, name)
  const partPath = `${finalPath}.part`
  let handle: FileHandle | null = null
  const closePart = async (): Promise<void> => {
    await handle?.close()
    handle = null
  }
  const sizeOf = async (file: string): Promise<number | null> => {
    try {
      return (await fs.stat(file)).size
    } catch {
      return null
    }
  }
  return {
    completeSize: () => sizeOf(finalPath),
    partialSize: async () => (await sizeOf(partPath)) ?? 0,
    resetPartial: async () => {
      await closePart()
      await fs.rm(partPath, { force: true })
    },
    append: async (chunk) => {
      if (!handle) {
        await fs.mkdir(cacheDir, { recursive: true })
        handle = await fs.open(partPath, 'a')
      }
      await handle.write(chunk)
    },
    commit: async () => {
      await closePart()
      await fs.rename(partPath, finalPath)
    },
    discardComplete: () => fs.rm(finalPath, { force: true }),
    release: closePart
  }
}
