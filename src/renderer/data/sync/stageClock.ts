/**
 * Sums the wall time a sync spends in each stage, so a benchmark (and the summary a user sees)
 * can tell parsing from IndexedDB writes: the two call for different fixes.
 */
import type { SyncStage } from '../../../shared/archive/syncProgress'

export class StageClock {
  private readonly totals: Record<SyncStage, number> = { reading: 0, writing: 0, finalizing: 0 }
  private stage: SyncStage | null = null
  private since = 0

  constructor(private readonly now: () => number) {}

  /** Charges the time since the last switch to the current stage, then enters `stage`. */
  switchTo(stage: SyncStage | null): void {
    const at = this.now()
    if (this.stage !== null) this.totals[this.stage] += at - this.since
    this.stage = stage
    this.since = at
  }

  async time<T>(stage: SyncStage, work: () => Promise<T>): Promise<T> {
    const previous = this.stage
    this.switchTo(stage)
    try {
      return await work()
    } finally {
      this.switchTo(previous)
    }
  }

  /** Totals in seconds. */
  seconds(): Record<SyncStage, number> {
    this.switchTo(this.stage)
    return {
      reading: this.totals.reading / 1000,
      writing: this.totals.writing / 1000,
      finalizing: this.totals.finalizing / 1000
    }
  }
}
