/**
 * Where the model names of the SotA steps go. Steps close in time or value would print their
 * names on top of each other, so labels are placed greedily, most telling first (the current
 * SotA, then the biggest jumps), each at the first free spot around its point; a label that
 * fits nowhere is left out (the tooltip still names the model).
 *
 * The preferred spot is on the empty side of the staircase: nothing lies above-left of a step
 * when higher is better (every older result is below it), nothing below-left when lower is.
 */
import type { MetricDirection } from '../../shared/sota/metricDirection'

export interface StepAnchor {
  id: string
  x: number
  y: number
  text: string
  /** Larger first; the layout tries labels in this order. */
  priority: number
}

export interface PlacedLabel {
  id: string
  x: number
  y: number
  text: string
  anchor: 'start' | 'end'
}

export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

export interface LabelLayoutOptions {
  bounds: Box
  direction: MetricDirection
  /** Other things a label must not cover (the frontier's segments). */
  obstacles?: readonly Box[]
  /** A label's drawn width in pixels; by default a guess per glyph. */
  measure?: (text: string) => number
  /** Line height of the label font, in pixels. */
  lineHeight?: number
  maxChars?: number
}

export function truncateLabel(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

export function layoutStepLabels(anchors: readonly StepAnchor[], options: LabelLayoutOptions): PlacedLabel[] {
  const measure = options.measure ?? ((text: string) => text.length * 6.8)
  const lineHeight = options.lineHeight ?? 13
  const maxChars = options.maxChars ?? 28
  const gap = 7
  // Text baselines sit `lineHeight` below a box's top; `away` is the empty side of the staircase.
  const away = options.direction === 'lower-is-better' ? 1 : -1
  const placed: PlacedLabel[] = []
  // Markers are obstacles too: a name must not hide another step's point.
  const taken: Box[] = [
    ...anchors.map((a) => ({ left: a.x - 5, right: a.x + 5, top: a.y - 5, bottom: a.y + 5 })),
    ...(options.obstacles ?? [])
  ]
  const inside = (box: Box): boolean =>
    box.left >= options.bounds.left &&
    box.right <= options.bounds.right &&
    box.top >= options.bounds.top &&
    box.bottom <= options.bounds.bottom
  const ordered = [...anchors].sort((a, b) => b.priority - a.priority)
  for (const anchor of ordered) {
    const text = truncateLabel(anchor.text, maxChars)
    const width = measure(text)
    const candidates: { box: Box; anchor: 'start' | 'end' }[] = []
    // Next to the point first, then a line further out on the empty side.
    for (const vertical of [away, -away, 0, 2 * away]) {
      const top =
        vertical === 0
          ? anchor.y - lineHeight / 2
          : vertical < 0
            ? anchor.y - gap - lineHeight * -vertical
            : anchor.y + gap + lineHeight * (vertical - 1)
      const bottom = top + lineHeight
      candidates.push(
        { box: { left: anchor.x - gap - width, right: anchor.x - gap, top, bottom }, anchor: 'end' },
        { box: { left: anchor.x + gap, right: anchor.x + gap + width, top, bottom }, anchor: 'start' }
      )
    }
    // Candidates keep `gap` (> the marker's half size) from their own point, so the point's own
    // marker never blocks them.
    const fits = candidates.filter(({ box }) => inside(box))
    // The current state of the art is always named, on top of whatever it has to cover.
    const free =
      fits.find(({ box }) => !taken.some((other) => overlaps(box, other))) ??
      (anchor.priority === Infinity ? fits[0] : undefined)
    if (!free) continue
    taken.push(free.box)
    placed.push({
      id: anchor.id,
      x: free.anchor === 'end' ? free.box.right : free.box.left,
      // Baseline a little above the box's bottom edge, so descenders stay inside it.
      y: free.box.bottom - 3,
      text,
      anchor: free.anchor
    })
  }
  return placed
}
