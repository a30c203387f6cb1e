/**
 * Chromium caps a layout box near 33.5 M px (2^25), and 576k papers of 78 px need 45 M: a list
 * that tall is cut off and its last quarter cannot be scrolled to. Past this height the list's
 * box stays this tall and scrolling moves through the rows proportionally faster instead.
 */
export const MAX_LIST_HEIGHT_PX = 30_000_000

/** Rows rendered beyond each edge of the viewport, so a small scroll shows rows already there. */
const OVERSCAN_ROWS = 10

export interface VirtualWindow {
  /** The first row to render, and how many. */
  start: number
  count: number
  /** Where the top of row `start` sits inside the list's box, in px. */
  offsetPx: number
}

export interface ListGeometry {
  total: number
  rowHeight: number
  /** Defaults to MAX_LIST_HEIGHT_PX; smaller in tests. */
  maxHeight?: number
}

/** The height of the list's box: every row's, up to the cap. */
export function listBoxHeight({ total, rowHeight, maxHeight = MAX_LIST_HEIGHT_PX }: ListGeometry): number {
  return Math.min(total * rowHeight, maxHeight)
}

/**
 * Which rows to render when `scrolled` px of the list's box are above the viewport's top
 * (negative while the list starts lower down the page). Below the cap this is plain
 * arithmetic; above it, the box's scroll travel maps linearly onto the rows' travel, so the
 * first row shows at the box's top and the last row at its bottom.
 */
export function virtualWindow(
  scrolled: number,
  viewportHeight: number,
  geometry: ListGeometry
): VirtualWindow {
  const { total, rowHeight } = geometry
  const rowsHeight = total * rowHeight
  const boxHeight = listBoxHeight(geometry)
  const boxTravel = Math.max(0, boxHeight - viewportHeight)
  const boxTop = Math.min(Math.max(0, scrolled), boxTravel)
  const rowsTop =
    rowsHeight === boxHeight || boxTravel === 0
      ? boxTop
      : (boxTop * Math.max(0, rowsHeight - viewportHeight)) / boxTravel
  const start = Math.max(0, Math.floor(rowsTop / rowHeight) - OVERSCAN_ROWS)
  const count = Math.max(
    0,
    Math.min(total - start, Math.ceil(viewportHeight / rowHeight) + 2 * OVERSCAN_ROWS)
  )
  return { start, count, offsetPx: boxTop + start * rowHeight - rowsTop }
}
