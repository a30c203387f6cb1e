/**
 * A drawn Recharts chart as a standalone SVG file or PNG image, with a title above and the
 * export stamp (source, archive snapshot, CC-BY-SA attribution) drawn below it: the licence's
 * credit travels inside the image, not only beside it.
 *
 * The chart's colours are literal attributes (see `chartColors.ts`), so the SVG renders the same
 * outside the page. The PNG is the SVG drawn onto a canvas from a `blob:` URL, which the CSP's
 * `img-src 'self' data: blob:` allows; an SVG without `foreignObject` does not taint the canvas.
 */
import type { ChartColors } from './chartColors'

const SVG_NS = 'http://www.w3.org/2000/svg'
const TITLE_HEIGHT = 30
const FOOTER_LINE = 15
const PADDING = 14

export interface ChartImageOptions {
  title: string
  /** Lines drawn under the chart (`exportStampLines`). */
  footerLines: readonly string[]
  colors: ChartColors
}

export interface SerializedChart {
  svg: string
  width: number
  height: number
}

/** The chart's own `<svg>` under `container` (Recharts' surface, not a legend icon). */
export function findChartSurface(container: HTMLElement | null): SVGSVGElement | null {
  return container?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? null
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  return element
}

function textElement(text: string, attributes: Record<string, string | number>): SVGTextElement {
  const element = svgElement('text', attributes)
  // textContent, never markup: titles and model names are archive text.
  element.textContent = text
  return element
}

export function serializeChartSvg(surface: SVGSVGElement, options: ChartImageOptions): SerializedChart {
  const box = surface.getBoundingClientRect()
  const chartWidth = Math.round(Number(surface.getAttribute('width')) || box.width)
  const chartHeight = Math.round(Number(surface.getAttribute('height')) || box.height)
  const footerHeight = PADDING + options.footerLines.length * FOOTER_LINE
  const width = chartWidth
  const height = TITLE_HEIGHT + chartHeight + footerHeight
  const { colors } = options

  const root = svgElement('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': colors.fontFamily,
    'font-size': 12
  })
  root.append(svgElement('rect', { x: 0, y: 0, width, height, fill: colors.surface }))
  root.append(
    textElement(options.title, {
      x: PADDING,
      y: 20,
      'font-size': 14,
      'font-weight': 600,
      fill: colors.text
    })
  )
  const chart = surface.cloneNode(true) as SVGSVGElement
  // Interaction state is not part of the picture.
  chart.querySelectorAll('.recharts-tooltip-cursor, .recharts-active-dot').forEach((node) => node.remove())
  chart.removeAttribute('style')
  chart.removeAttribute('tabindex')
  chart.removeAttribute('role')
  chart.setAttribute('x', '0')
  chart.setAttribute('y', String(TITLE_HEIGHT))
  chart.setAttribute('width', String(chartWidth))
  chart.setAttribute('height', String(chartHeight))
  root.append(chart)
  options.footerLines.forEach((line, index) => {
    root.append(
      textElement(line, {
        x: PADDING,
        y: TITLE_HEIGHT + chartHeight + PADDING + index * FOOTER_LINE,
        'font-size': 11,
        fill: colors.muted
      })
    )
  })
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`
  return { svg, width, height }
}

/** Draws a serialized chart onto a canvas at `pixelRatio` and encodes it as PNG. */
export async function renderChartPng(chart: SerializedChart, pixelRatio = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(chart.width * pixelRatio)
    canvas.height = Math.round(chart.height * pixelRatio)
    const context = canvas.getContext('2d')
    if (context === null) throw new Error('This browser cannot draw on a canvas.')
    context.scale(pixelRatio, pixelRatio)
    context.drawImage(image, 0, 0, chart.width, chart.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (blob === null) throw new Error('The chart could not be encoded as PNG.')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}
