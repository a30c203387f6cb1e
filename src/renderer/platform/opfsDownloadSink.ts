import type { DownloadSink } from '../../shared/download/resumableDownload'

/**
 * Browser mode's download cache: the origin-private file system. Like the desktop cache it
 * keeps `<name>.part` until the size check passes, so a reload resumes the download.
 */
export async function createOpfsDownloadSink(name: string): Promise<DownloadSink> {
  const root = await navigator.storage.getDirectory()
  const dir = await root.getDirectoryHandle('archive-cache', { create: true })
  const partName = `${name}.part`
  let writable: FileSystemWritableFileStream | null = null

  const sizeOf = async (file: string): Promise<number | null> => {
    try {
      return (await (await dir.getFileHandle(file)).getFile()).size
    } catch {
      return null
    }
  }
  const closePart = async (): Promise<void> => {
    await writable?.close()
    writable = null
  }
  return {
    completeSize: () => sizeOf(name),
    partialSize: async () => (await sizeOf(partName)) ?? 0,
    resetPartial: async () => {
      await closePart()
      await dir.removeEntry(partName).catch(() => undefined)
    },
    append: async (chunk) => {
      if (!writable) {
        const handle = await dir.getFileHandle(partName, { create: true })
        const size = (await handle.getFile()).size
        writable = await handle.createWritable({ keepExistingData: true })
        await writable.seek(size)
      }
      await writable.write(chunk as Uint8Array<ArrayBuffer>)
    },
    commit: async () => {
      await closePart()
      const part = await (await dir.getFileHandle(partName)).getFile()
      // OPFS has no portable rename across Chromium versions: copy as a stream, then drop the part.
      const target = await (await dir.getFileHandle(name, { create: true })).createWritable()
      await part.stream().pipeTo(target)
      await dir.removeEntry(partName)
    },
    discardComplete: async () => {
      await dir.removeEntry(name).catch(() => undefined)
    },
    release: closePart
  }
}

/** A cached file as a Blob URL the sync worker can stream. */
export async function cachedFileUrl(name: string): Promise<{ url: string; size: number }> {
  const root = await navigator.storage.getDirectory()
  const dir = await root.getDirectoryHandle('archive-cache', { create: true })
  const file = await (await dir.getFileHandle(name)).getFile()
  return { url: URL.createObjectURL(file), size: file.size }
}
