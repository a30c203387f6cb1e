/** Byte counts as people read them, and the size a string takes once stored. */

/** Compact decimal units (`1.2 GB`), as disk and quota figures are usually quoted. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value.toFixed(value >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`
}

const encoder = new TextEncoder()

/** The UTF-8 size of `text`: what a note costs on disk, give or take the record around it. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length
}
