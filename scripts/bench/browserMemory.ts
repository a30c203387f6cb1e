/**
 * Resident memory of one Chromium instance, found by its profile directory and its process
 * tree (other Chromiums on the machine are not counted). Dedicated workers run as threads of
 * their page's renderer process, so the renderers' figure includes the sync and search workers.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface BrowserMemory {
  /** Renderer processes (pages and their workers). */
  rendererBytes: number
  /** Every process of the browser: renderers, GPU, network, storage, the browser process. */
  browserBytes: number
}

interface ProcessRow {
  pid: number
  ppid: number
  rssKb: number
  args: string
}

function parsePs(out: string): ProcessRow[] {
  const rows: ProcessRow[] = []
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line)
    if (match) rows.push({ pid: +match[1], ppid: +match[2], rssKb: +match[3], args: match[4] })
  }
  return rows
}

export async function readBrowserMemory(profileDir: string): Promise<BrowserMemory> {
  const { stdout } = await run('ps', ['-eo', 'pid=,ppid=,rss=,args='], { maxBuffer: 1 << 24 })
  const rows = parsePs(stdout)
  const members = new Set(
    rows.filter((r) => r.args.includes(profileDir) && !r.args.includes('--type=')).map((r) => r.pid)
  )
  // Children (zygotes, renderers, utilities) do not all repeat the profile path in their args.
  for (let grew = true; grew;) {
    grew = false
    for (const row of rows) {
      if (!members.has(row.pid) && members.has(row.ppid)) {
        members.add(row.pid)
        grew = true
      }
    }
  }
  let renderer = 0
  let browser = 0
  for (const row of rows) {
    if (!members.has(row.pid)) continue
    browser += row.rssKb * 1024
    if (row.args.includes('--type=renderer')) renderer += row.rssKb * 1024
  }
  return { rendererBytes: renderer, browserBytes: browser }
}

/** Samples a browser's memory in the background and keeps the peaks since the last `take()`. */
export class PeakMemorySampler {
  private peak: BrowserMemory = { rendererBytes: 0, browserBytes: 0 }
  private timer: NodeJS.Timeout | null = null
  private sampling: Promise<void> | null = null

  constructor(
    private profileDir: string,
    private intervalMs = 500
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sample(), this.intervalMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** One sample; a call while one is running waits for that one. */
  sample(): Promise<void> {
    this.sampling ??= readBrowserMemory(this.profileDir)
      .then((now) => {
        this.peak = {
          rendererBytes: Math.max(this.peak.rendererBytes, now.rendererBytes),
          browserBytes: Math.max(this.peak.browserBytes, now.browserBytes)
        }
      })
      .finally(() => {
        this.sampling = null
      })
    return this.sampling
  }

  /** The peaks since the previous call (one more sample first, so a short step has one). */
  async take(): Promise<BrowserMemory> {
    await this.sample()
    // A sample begun before the call may predate the step's end: take one more after it.
    await this.sample()
    const peak = this.peak
    this.peak = { rendererBytes: 0, browserBytes: 0 }
    return peak
  }
}
