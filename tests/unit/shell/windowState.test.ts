import { describe, expect, it } from 'vitest'
import { DEFAULT_BOUNDS, restoreWindowBounds } from '../../../src/main/window/windowState'

const laptop = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('remembered window bounds', () => {
  it('restores a saved window on a present display', () => {
    expect(restoreWindowBounds({ x: 100, y: 80, width: 1400, height: 900, maximized: true }, laptop)).toEqual(
      {
        x: 100,
        y: 80,
        width: 1400,
        height: 900,
        maximized: true
      }
    )
  })

  it('drops the position when its monitor is gone, keeping the size', () => {
    expect(restoreWindowBounds({ x: 2500, y: 100, width: 1200, height: 800 }, laptop)).toEqual({
      width: 1200,
      height: 800,
      maximized: false
    })
  })

  it.each([null, 'garbage', { width: 'wide' }, { width: NaN, height: 10 }])(
    'falls back on junk %#',
    (saved) => {
      expect(restoreWindowBounds(saved, laptop)).toEqual(DEFAULT_BOUNDS)
    }
  )

  it('never restores a window too small to use', () => {
    expect(restoreWindowBounds({ width: 10, height: 10 }, laptop)).toMatchObject({ width: 720, height: 480 })
  })
})
