/** Time axes of the SotA charts: days as UTC milliseconds, ticks on 1 January. */

/** `YYYY-MM-DD` → UTC milliseconds at midnight. */
export function dayToTime(day: string): number {
  const [year, month, date] = day.split('-').map(Number)
  return Date.UTC(year, (month || 1) - 1, date || 1)
}

export function yearOfTime(time: number): number {
  return new Date(time).getUTCFullYear()
}

/**
 * The x domain for dated points, padded so the first and last points do not sit on the frame;
 * a single day gets a year either side.
 */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1)
    return [now - 365 * 86_400_000, now]
  }
  let min = Infinity
  let max = -Infinity
  for (const time of times) {
    if (time < min) min = time
    if (time > max) max = time
  }
  const pad = Math.max((max - min) * 0.03, 60 * 86_400_000)
  return [min - pad, max + pad]
}

/** 1 January of each year inside the domain, thinned so at most `maxTicks` remain. */
export function yearTicks([start, end]: [number, number], maxTicks = 12): number[] {
  const first = yearOfTime(start) + 1
  const last = yearOfTime(end)
  const years: number[] = []
  for (let year = first; year <= last; year += 1) years.push(year)
  if (years.length === 0) years.push(yearOfTime(start))
  const stride = Math.max(1, Math.ceil(years.length / maxTicks))
  return years.filter((_, index) => index % stride === 0).map((year) => Date.UTC(year, 0, 1))
}

export function formatYearTick(time: number): string {
  return String(yearOfTime(time))
}
