/**
 * The peers' part of the benchmark's printout: their figures next to ours, as ratios
 * (peer ÷ ours: above 1 means ours is faster or smaller), and how far their answers agree.
 */
import { APPROXIMATION_TEXT, AGREEMENT_DEPTH, type PeerReport, type QueryOutcome } from './searchPeer'

export interface LatencyFigures {
  p50: number
  p95: number
  cpuP50: number
  cpuP95: number
}

export interface OursForComparison<C extends string> {
  buildMs: number | null
  buildCpuMs: number | null
  persistedBytes: number | null
  /** V8 heap plus typed arrays while searching. */
  searchMemory: number | null
  searchRss: number | null
  buildPeakRss: number | null
  latency: Record<C, LatencyFigures> | null
  outcomes: Record<string, QueryOutcome> | null
}

export type PeerResult<C extends string> =
  { report: PeerReport<Record<C, LatencyFigures>>; unavailable: null } | { report: null; unavailable: string }

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const ms = (value: number): string =>
  Number.isNaN(value) ? '—' : value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(0)

export function ratio(peer: number, ours: number | null): string {
  if (ours === null || !(ours > 0) || Number.isNaN(peer)) return '—'
  const value = peer / ours
  return `${value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(0)}×`
}

/** Share of ours' top results the peer also has in its top results, averaged over the queries. */
export function topOverlap(
  ours: readonly QueryOutcome[],
  peer: readonly QueryOutcome[],
  depth = AGREEMENT_DEPTH
): number {
  let sum = 0
  let counted = 0
  ours.forEach((outcome, index) => {
    const mine = outcome.ids.slice(0, depth)
    if (mine.length === 0) return
    const theirs = new Set(peer[index]?.ids.slice(0, depth) ?? [])
    sum += mine.filter((id) => theirs.has(id)).length / mine.length
    counted += 1
  })
  return counted === 0 ? NaN : sum / counted
}

/** Median of peer total ÷ our total over the queries ours matched. */
export function medianTotalRatio(ours: readonly QueryOutcome[], peer: readonly QueryOutcome[]): number {
  const ratios = ours
    .map((outcome, index) => (outcome.total > 0 ? (peer[index]?.total ?? 0) / outcome.total : NaN))
    .filter((value) => !Number.isNaN(value))
    .sort((a, b) => a - b)
  return ratios.length === 0 ? NaN : ratios[Math.floor((ratios.length - 1) / 2)]
}

function row(label: string, cells: readonly string[], width = 44): string {
  return `  ${label.padEnd(24)}${cells.map((cell) => cell.padEnd(width)).join('')}`
}

export function printPeers<C extends string>(
  ours: OursForComparison<C>,
  peers: readonly PeerResult<C>[],
  queryClasses: readonly C[],
  queriesByClass: ReadonlyMap<C, readonly string[]>
): void {
  console.log('\nPeers: the same papers and the same queries in the same run (ratio = peer ÷ ours)')
  for (const peer of peers) {
    if (peer.report === null) console.log(`  SKIPPED a peer: ${peer.unavailable}`)
    else console.log(`  ${peer.report.name}: ${peer.report.configuration}`)
  }
  const ran = peers.flatMap((peer) => (peer.report === null ? [] : [peer.report]))
  if (ran.length === 0) return
  console.log(row('', ['ours', ...ran.map((report) => report.name)]))
  console.log(
    row('build (wall)', [
      ours.buildMs === null ? '—' : seconds(ours.buildMs),
      ...ran.map(
        (report) =>
          `${seconds(report.buildMs + report.finishMs)} (${ratio(report.buildMs + report.finishMs, ours.buildMs)})${report.finishMs > 1 ? `, incl. ${seconds(report.finishMs)} optimize` : ''}`
      )
    ])
  )
  console.log(
    row('build CPU time', [
      ours.buildCpuMs === null ? '—' : seconds(ours.buildCpuMs),
      ...ran.map((report) => `${seconds(report.buildCpuMs)} (${ratio(report.buildCpuMs, ours.buildCpuMs)})`)
    ])
  )
  console.log(
    row('persisted', [
      ours.persistedBytes === null ? '—' : `${mb(ours.persistedBytes)} chunks`,
      ...ran.map(
        (report) =>
          `${mb(report.footprint.bytes)} ${report.footprint.kind} (${ratio(report.footprint.bytes, ours.persistedBytes)})${report.footprint.writeMs > 0 ? `, export ${seconds(report.footprint.writeMs)}` : ''}`
      )
    ])
  )
  console.log(
    row('memory: heap + buffers', [
      ours.searchMemory === null ? '—' : mb(ours.searchMemory),
      ...ran.map((report) => {
        const bytes = report.afterBuild.heapUsed + report.afterBuild.arrayBuffers
        return `${mb(bytes)} (${ratio(bytes, ours.searchMemory)})`
      })
    ])
  )
  console.log(
    row('memory: RSS', [
      ours.searchRss === null ? '—' : mb(ours.searchRss),
      ...ran.map((report) => `${mb(report.afterBuild.rss)} (${ratio(report.afterBuild.rss, ours.searchRss)})`)
    ])
  )
  console.log(
    row('peak RSS of the build', [
      ours.buildPeakRss === null ? '—' : mb(ours.buildPeakRss),
      ...ran.map(
        (report) =>
          `${mb(report.afterBuild.peakRss)} (${ratio(report.afterBuild.peakRss, ours.buildPeakRss)})`
      )
    ])
  )
  console.log(
    '  (ours: memory while searching, in its own process; a peer: after its build, garbage collected; the benchmark itself holds ~' +
      `${mb(ran[0].heapBeforeBuild)} of heap in every process)`
  )

  for (const [title, pick] of [
    ['wall', (figures: LatencyFigures): [number, number] => [figures.p50, figures.p95]],
    ['CPU', (figures: LatencyFigures): [number, number] => [figures.cpuP50, figures.cpuP95]]
  ] as const) {
    console.log(`\nPeer query latency, ${title} time p50/p95 ms (ratio p50/p95), page of 20 + total count`)
    console.log(row('query class', ['ours', ...ran.map((report) => report.name)]))
    for (const queryClass of queryClasses) {
      const mine = ours.latency?.[queryClass]
      const [oursP50, oursP95] = mine ? pick(mine) : [NaN, NaN]
      console.log(
        row(queryClass, [
          `${ms(oursP50)}/${ms(oursP95)}`,
          ...ran.map((report) => {
            const [p50, p95] = pick(report.latency[queryClass])
            return `${ms(p50)}/${ms(p95)} (${ratio(p50, oursP50)}/${ratio(p95, oursP95)})`
          })
        ])
      )
    }
  }

  if (ours.outcomes !== null) {
    const oursOutcomes = ours.outcomes
    console.log(
      `\nResult agreement with ours: share of our top ${AGREEMENT_DEPTH} in the peer's top ${AGREEMENT_DEPTH} (mean) | median total matches peer ÷ ours`
    )
    console.log(
      row(
        'query class',
        ran.map((report) => report.name)
      )
    )
    for (const queryClass of queryClasses) {
      const texts = queriesByClass.get(queryClass) ?? []
      const mine = texts.map((text) => oursOutcomes[text] ?? { ids: [], total: 0 })
      console.log(
        row(
          queryClass,
          ran.map((report) => {
            const theirs = texts.map((text) => report.outcomes[text] ?? { ids: [], total: 0 })
            const overlap = topOverlap(mine, theirs)
            const totals = medianTotalRatio(mine, theirs)
            return `${Number.isNaN(overlap) ? '—' : `${(overlap * 100).toFixed(0)} %`} | ${Number.isNaN(totals) ? '—' : totals.toFixed(2)}`
          })
        )
      )
    }
  }

  console.log('\nWhat a peer cannot express as ours does (each translation records what it approximated):')
  for (const report of ran) {
    console.log(`  ${report.name}:`)
    for (const approximation of report.approximations)
      console.log(`    - ${APPROXIMATION_TEXT[approximation]}`)
  }
}
