/**
 * What the benchmarks install in every document of the page before the app's own scripts run:
 * a `longtask` observer, the time of the user's last input, and a waiter that resolves on the
 * first frame showing the content a step waits for (checked once per frame). Timing in the page, not in Node, keeps the
 * DevTools round trips out of the figures.
 */
import type { Page } from '@playwright/test'

/** What a step waits for; every given condition must hold in the same frame. */
export interface ContentSpec {
  /** Each selector must match an element with a non-empty box. */
  visible?: string[]
  /** For each: the first element matching `selector` contains `includes`. */
  text?: { selector: string; includes: string }[]
  /** No element may match this selector (a spinner, a busy list). */
  absent?: string
  /** Window-scrolled list rows cover the viewport from top to bottom. */
  viewportCovered?: boolean
  /** The bottom of the element matching this selector is inside the viewport. */
  bottomInView?: string
  /**
   * Where the time is measured from: `navigation` (the document's start, for a page load),
   * `input` (the last key press or click the page received), or `now` (when the wait begins).
   */
  since: 'navigation' | 'input' | 'now'
  timeoutMs?: number
}

/** Globals the init script defines, as seen from `page.evaluate`. */
export interface BenchGlobals {
  __bench: {
    longTasks: number[]
    lastInputAt: number
    /** `startedAt` (a `performance.now()` time) overrides `spec.since`. */
    waitForContent(spec: ContentSpec, startedAt?: number): Promise<number>
    /**
     * Navigates inside the app as a link click does (history entry plus popstate, which the
     * router follows) and waits for `spec`, timed from the navigation.
     */
    navigate(path: string, spec: ContentSpec): Promise<number>
    /**
     * Resolves with the focused list item (a `data-list-item` link) once it differs from the one
     * returned last; `fresh` says this document has not returned it before. Rejects after `timeoutMs`.
     */
    focusedListItem(timeoutMs: number): Promise<FocusedListItem>
    /** Moves the window by `dy` pixels and waits for `spec`, timed from the scroll. */
    scrollAndWait(dy: number | 'end' | 'top', spec: ContentSpec): Promise<number>
  }
}

// A string, not a function: the TypeScript loader may wrap named functions in helpers the page
// does not have, and the script must run before the app's own modules in every new document.
const INIT_SCRIPT = `(() => {
  const bench = { longTasks: [], lastInputAt: 0 }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  for (const type of ['keydown', 'click']) {
    window.addEventListener(type, (event) => { bench.lastInputAt = event.timeStamp }, { capture: true })
  }
  const shown = (element) => {
    if (!element) return false
    const box = element.getBoundingClientRect()
    return box.width > 0 && box.height > 0
  }
  // Rows are contiguous: the first and last rendered ones bound what the list shows. (Hit testing
  // would see the sticky header over the list's top.)
  const rowsCover = (top, bottom) => {
    const rows = document.querySelectorAll('.virtual-rows__row')
    if (rows.length === 0) return false
    return rows[0].getBoundingClientRect().top <= top && rows[rows.length - 1].getBoundingClientRect().bottom >= bottom
  }
  const holds = (spec) => {
    for (const selector of spec.visible || []) if (!shown(document.querySelector(selector))) return false
    for (const { selector, includes } of spec.text || []) {
      const element = document.querySelector(selector)
      if (!element || !(element.textContent || '').includes(includes)) return false
    }
    if (spec.absent && document.querySelector(spec.absent)) return false
    if (spec.viewportCovered) {
      const list = document.querySelector('.virtual-rows')
      if (!list) return false
      const box = list.getBoundingClientRect()
      // Inside the list's border: at the very top the first row starts below it.
      const top = Math.max(box.top + list.clientTop, 0)
      const bottom = Math.min(box.bottom - list.clientTop, window.innerHeight)
      if (!(bottom > top && rowsCover(top, bottom))) return false
    }
    if (spec.bottomInView) {
      const element = document.querySelector(spec.bottomInView)
      if (!element || element.getBoundingClientRect().bottom > window.innerHeight + 1) return false
    }
    return true
  }
  // Checked once per frame, at its animation-frame callbacks: a check on every DOM mutation would
  // force a layout per React commit and slow the very pages being timed (1,000 library cards).
  bench.waitForContent = (spec, startedAt) => new Promise((resolve, reject) => {
    const start = startedAt !== undefined ? startedAt
      : spec.since === 'navigation' ? 0 : spec.since === 'input' ? bench.lastInputAt : performance.now()
    const timeoutMs = spec.timeoutMs || 60000
    const frame = () => {
      if (holds(spec)) {
        // In the DOM for this frame; the next frame's callbacks run once it has been painted.
        requestAnimationFrame(() => resolve(performance.now() - start))
      } else if (performance.now() - start > timeoutMs && performance.now() - begun > timeoutMs) {
        reject(new Error('content did not show within ' + timeoutMs + ' ms: ' + JSON.stringify(spec)))
      } else requestAnimationFrame(frame)
    }
    const begun = performance.now()
    requestAnimationFrame(frame)
  })
  bench.navigate = (path, spec) => {
    const start = performance.now()
    history.pushState(null, '', path)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
    return bench.waitForContent(spec, start)
  }
  const taken = new Set()
  let lastHref = null
  bench.focusedListItem = (timeoutMs) => new Promise((resolve, reject) => {
    const started = performance.now()
    const look = () => {
      const active = document.activeElement
      const href = active && active.matches('[data-list-item]') ? active.getAttribute('href') : null
      if (href !== null && href !== lastHref) {
        lastHref = href
        const fresh = !taken.has(href)
        taken.add(href)
        resolve({ href, text: (active.textContent || '').trim(), fresh })
      } else if (performance.now() - started > timeoutMs) {
        const items = document.querySelectorAll('main [data-list-item]').length
        reject(new Error('focus did not move to another list item (focused: ' +
          (active ? active.tagName + ' ' + (href || '') : 'none') + ', ' + items + ' items rendered)'))
      } else requestAnimationFrame(look)
    }
    look()
  })
  bench.scrollAndWait = (dy, spec) => {
    const start = performance.now()
    const top = dy === 'end' ? document.documentElement.scrollHeight : dy === 'top' ? 0 : window.scrollY + dy
    window.scrollTo({ top, behavior: 'instant' })
    return bench.waitForContent(spec, start)
  }
})()`

/** Installs the instruments in every document the context opens from now on. */
export async function installPageInstruments(page: Page): Promise<void> {
  await page.context().addInitScript({ content: INIT_SCRIPT })
}

/** Milliseconds from `spec.since` to the first frame showing the content. */
export function waitForContent(page: Page, spec: ContentSpec): Promise<number> {
  return page.evaluate((s) => (globalThis as unknown as BenchGlobals).__bench.waitForContent(s), spec)
}

/** Milliseconds from an in-app navigation to `path` until `spec` shows. */
export function navigateInApp(page: Page, path: string, spec: ContentSpec): Promise<number> {
  return page.evaluate(([p, s]) => (globalThis as unknown as BenchGlobals).__bench.navigate(p, s), [
    path,
    spec
  ] as const)
}

export interface FocusedListItem {
  href: string
  text: string
  fresh: boolean
}

export function focusedListItem(page: Page, timeoutMs: number): Promise<FocusedListItem> {
  return page.evaluate((t) => (globalThis as unknown as BenchGlobals).__bench.focusedListItem(t), timeoutMs)
}

export function scrollAndWait(page: Page, dy: number | 'end' | 'top', spec: ContentSpec): Promise<number> {
  return page.evaluate(([d, s]) => (globalThis as unknown as BenchGlobals).__bench.scrollAndWait(d, s), [
    dy,
    spec
  ] as const)
}

/** Takes the long tasks the current document recorded so far, leaving its log empty. */
export async function drainLongTasks(page: Page): Promise<number[]> {
  return page
    .evaluate(() => {
      const b = (globalThis as unknown as BenchGlobals).__bench
      return b ? b.longTasks.splice(0) : []
    })
    .catch(() => [])
}
