/**
 * Remembered window bounds. Pure: the caller reads and writes the JSON file and supplies the
 * displays, so a monitor that was unplugged cannot strand the window off-screen.
 */

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

export interface DisplayArea {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 }
const MIN_WIDTH = 720
const MIN_HEIGHT = 480

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Turns whatever was on disk into bounds that are visible on one of the current displays. */
export function restoreWindowBounds(saved: unknown, displays: DisplayArea[]): WindowBounds {
  if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_BOUNDS }
  const record = saved as Record<string, unknown>
  if (!isFiniteNumber(record.width) || !isFiniteNumber(record.height)) return { ...DEFAULT_BOUNDS }
  const bounds: WindowBounds = {
    width: Math.max(MIN_WIDTH, Math.round(record.width)),
    height: Math.max(MIN_HEIGHT, Math.round(record.height)),
    maximized: record.maximized === true
  }
  if (isFiniteNumber(record.x) && isFiniteNumber(record.y)) {
    const x = Math.round(record.x)
    const y = Math.round(record.y)
    const visible = displays.some(
      (d) => x + 100 > d.x && y + 50 > d.y && x < d.x + d.width - 100 && y < d.y + d.height - 50
    )
    if (visible) Object.assign(bounds, { x, y })
  }
  return bounds
}
