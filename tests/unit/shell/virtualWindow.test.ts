import { describe, expect, it } from 'vitest'
import { listBoxHeight, virtualWindow } from '../../../src/renderer/components/virtualWindow'

const rowHeight = 78
const viewport = 800

/** The px range of the viewport that `row` covers, given the window rendered at `scrolled`. */
function rowOnScreen(scrolled: number, row: number, geometry: Parameters<typeof listBoxHeight>[0]) {
  const shown = virtualWindow(scrolled, viewport, geometry)
  expect(row).toBeGreaterThanOrEqual(shown.start)
  expect(row).toBeLessThan(shown.start + shown.count)
  const top = shown.offsetPx + (row - shown.start) * rowHeight - scrolled
  return { top, bottom: top + rowHeight }
}

describe('virtualWindow', () => {
  it('below the cap, rows sit at their own offsets', () => {
    const geometry = { total: 1_000, rowHeight }
    expect(listBoxHeight(geometry)).toBe(78_000)
    const shown = virtualWindow(7_800, viewport, geometry)
    expect(shown.start).toBe(90)
    expect(shown.offsetPx).toBe(90 * rowHeight)
    expect(shown.count).toBe(Math.ceil(viewport / rowHeight) + 20)
  })

  it('starts at the first row while the list is below the top of the viewport', () => {
    const shown = virtualWindow(-300, viewport, { total: 1_000, rowHeight })
    expect(shown).toMatchObject({ start: 0, offsetPx: 0 })
  })

  it('never renders past the last row', () => {
    const shown = virtualWindow(78_000, viewport, { total: 1_000, rowHeight })
    expect(shown.start + shown.count).toBe(1_000)
  })

  it('above the cap, the box stays at the cap and the last row ends at its bottom', () => {
    const geometry = { total: 576_261, rowHeight, maxHeight: 30_000_000 }
    const box = listBoxHeight(geometry)
    expect(box).toBe(30_000_000)
    const end = box - viewport
    const last = rowOnScreen(end, 576_260, geometry)
    expect(last.bottom).toBeCloseTo(viewport, 6)
    const first = rowOnScreen(0, 0, geometry)
    expect(first.top).toBe(0)
  })

  it('above the cap, consecutive rows stay adjacent and in order anywhere in the list', () => {
    const geometry = { total: 576_261, rowHeight, maxHeight: 30_000_000 }
    for (const scrolled of [1, 12_345_678, 29_000_000]) {
      const shown = virtualWindow(scrolled, viewport, geometry)
      const a = rowOnScreen(scrolled, shown.start + 10, geometry)
      const b = rowOnScreen(scrolled, shown.start + 11, geometry)
      expect(b.top - a.top).toBe(rowHeight)
      // the viewport is covered by the rendered rows
      const firstTop = shown.offsetPx - scrolled
      expect(firstTop).toBeLessThanOrEqual(0)
      expect(firstTop + shown.count * rowHeight).toBeGreaterThanOrEqual(viewport)
    }
  })

  it('above the cap, scrolling through the box reaches every row once in order', () => {
    const geometry = { total: 50_000, rowHeight: 10, maxHeight: 100_000 }
    let previous = -1
    for (let scrolled = 0; scrolled <= 100_000 - viewport; scrolled += 100) {
      const rowsTop = virtualWindow(scrolled, viewport, geometry).start
      expect(rowsTop).toBeGreaterThanOrEqual(previous)
      previous = rowsTop
    }
    const end = virtualWindow(100_000 - viewport, viewport, geometry)
    expect(end.start + end.count).toBe(50_000)
  })
})
