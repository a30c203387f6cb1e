/**
 * Resident memory of one Chromium instance, found by its profile directory and its process
 * tree (other Chromiums on the machine are not counted). Dedicated workers run as threads of
 * their page's renderer process, so the renderers' figure includes the sync and search workers.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * RSS counts a page shared by several processes (Chromium's code, its V8 snapshot) once in each;
 * summed over a browser's ~10 processes that overstates what it uses by hundreds of MB (three
 * renderers on an idle app page: RSS 541 MB, PSS 246 MB). PSS gives each process its share of a
 * shared page, so PSS sums add up to the memory the browser takes.
 */
export interface BrowserMemory {
  /** Renderer processes (pages and their workers), RSS and PSS. */
  rendererBytes: number
  rendererPssBytes: number
  /** Every process of the browser: renderers, GPU, network, storage, the browser process. */
  browserBytes: number
  browserPssBytes: number
}

const NO_MEMORY: BrowserMemory = {
  rendererBytes: 0,
  rendererPssBytes: 0,
  browserBytes: 0,
  browserPssBytes: 0
}

/** A process's PSS from /proc; where there is none (not Linux, or it just exited), its RSS. */
async function pssBytes(pid: number, rssBytes: number): Promise<number> {
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8')
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1]
    return kb === undefined ? rssBytes : Number(kb) * 1024
  } catch {
    return rssBytes
  }
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
  const memory = { ...NO_MEMORY }
  await Promise.all(
    rows
      .filter((row) => members.has(row.pid))
      .map(async (row) => {
        const rss = row.rssKb * 1024
        const pss = await pssBytes(row.pid, rss)
        memory.browserBytes += rss
        memory.browserPssBytes += pss
        if (!row.args.includes('--type=renderer')) return
        memory.rendererBytes += rss
        memory.rendererPssBytes += pss
      })
  )
  return memory
}

/** Samples a browser's memory in the background and keeps the peaks since the last `take()`. */
export class PeakMemorySampler {
  private peak: BrowserMemory = { ...NO_MEMORY }
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
          rendererPssBytes: Math.max(this.peak.rendererPssBytes, now.rendererPssBytes),
          browserBytes: Math.max(this.peak.browserBytes, now.browserBytes),
          browserPssBytes: Math.max(this.peak.browserPssBytes, now.browserPssBytes)
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
    this.peak = { ...NO_MEMORY }
    return peak
  }
}
