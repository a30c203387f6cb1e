/** Value axes of the SotA charts: compact tick labels and log-scale ticks. */

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 })
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 4 })

/** `480000000` → `480M`, `2500` → `2.5K`; values under 1000 as they are (`0.931`, `88.5`). */
export function formatValueTick(value: number): string {
  return Math.abs(value) >= 1000 ? compact.format(value) : plain.format(value)
}

export type ValueScale = 'linear' | 'log'

/** The [min, max] of positive values, widened a little so points do not sit on the frame. */
export function logDomain(values: readonly number[]): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const value of values) {
    if (value <= 0) continue
    min = Math.min(min, value)
    max = Math.max(max, value)
  }
  if (!(min <= max)) return [1, 10]
  const pad = Math.pow(max / min, 0.05) || 1
  return [min / Math.max(pad, 1.02), max * Math.max(pad, 1.02)]
}

/**
 * Ticks for a log axis: 1-2-5 steps per decade when the domain spans decades; a narrow domain
 * (accuracies between 63 and 89) gets evenly spaced round values instead, since a log axis over
 * less than a decade has no power of ten to show.
 */
export function logTicks([low, high]: [number, number], maxTicks = 8): number[] {
  const ticks: number[] = []
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent += 1) {
    for (const mantissa of [1, 2, 5]) {
      const tick = mantissa * Math.pow(10, exponent)
      if (tick >= low && tick <= high) ticks.push(Number(tick.toPrecision(12)))
    }
  }
  if (ticks.length > maxTicks) return ticks.filter((tick) => Number.isInteger(Math.log10(tick)))
  if (ticks.length >= 3) return ticks
  const rough = (high - low) / 5
  const magnitude = Math.pow(10, Math.floor(Math.log10(rough)))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough
  const even: number[] = []
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) {
    even.push(Number(tick.toPrecision(12)))
  }
  return even
}

/**
 * Round ticks covering [min, max] on a linear axis, at a 1-2-2.5-5 step, and the domain they
 * span. The domain stops at the first tick past the data, so accuracies of 57–89 get 50–90, not
 * 0–100 (which flattens the interesting part) and not 56–91 in sevens.
 */
export function linearTicks(
  [min, max]: [number, number],
  count = 6
): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1] }
  const span = max - min || Math.abs(max) || 1
  const rough = span / (count - 1)
  const magnitude = Math.pow(10, Math.floor(Math.log10(rough)))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough
  let low = Math.floor(min / step) * step
  let high = Math.ceil(max / step) * step
  if (low === high) {
    low -= step
    high += step
  }
  const ticks: number[] = []
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)))
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks }
}
