/**
 * A segment's vocabulary: its terms sorted and packed into one string with offsets.
 *
 * MiniSearch keeps its vocabulary in a radix tree of `Map`s (~200 bytes a term). Packed, 800k
 * terms take ~10 MB, load without parsing, and still answer the three questions a query asks:
 * is this term here (binary search), which terms start with this prefix (a contiguous range),
 * and which terms are within an edit distance (a Levenshtein walk over the implicit trie that
 * the sorted order forms — the same algorithm as MiniSearch's `fuzzyGet`).
 */

export class TermDictionary {
  /** `terms[i]` is `text.slice(starts[i], starts[i + 1])`, in JS string order. */
  constructor(
    readonly text: string,
    readonly starts: Uint32Array
  ) {}

  static fromSortedTerms(terms: readonly string[]): TermDictionary {
    const starts = new Uint32Array(terms.length + 1)
    let offset = 0
    terms.forEach((term, index) => {
      starts[index] = offset
      offset += term.length
    })
    starts[terms.length] = offset
    return new TermDictionary(terms.join(''), starts)
  }

  get size(): number {
    return this.starts.length - 1
  }

  term(id: number): string {
    return this.text.slice(this.starts[id], this.starts[id + 1])
  }

  termLength(id: number): number {
    return this.starts[id + 1] - this.starts[id]
  }

  /** Compares stored term `id` with `term` without allocating: <0, 0 or >0 like `localeCompare`. */
  private compare(id: number, term: string, limit = Infinity): number {
    const start = this.starts[id]
    const length = Math.min(this.starts[id + 1] - start, limit)
    const otherLength = Math.min(term.length, limit)
    const common = Math.min(length, otherLength)
    for (let i = 0; i < common; i += 1) {
      const difference = this.text.charCodeAt(start + i) - term.charCodeAt(i)
      if (difference !== 0) return difference
    }
    return length - otherLength
  }

  /** The id of `term`, or -1. */
  find(term: string): number {
    let low = 0
    let high = this.size - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.compare(middle, term)
      if (order === 0) return middle
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  /** The ids `[from, to)` of the terms that start with `prefix` (the term itself included). */
  prefixRange(prefix: string): [number, number] {
    const lowerBound = (strictlyAfterPrefix: boolean): number => {
      let low = 0
      let high = this.size
      while (low < high) {
        const middle = (low + high) >>> 1
        const order = this.compare(middle, prefix, prefix.length)
        if (order < 0 || (strictlyAfterPrefix && order === 0)) low = middle + 1
        else high = middle
      }
      return low
    }
    return [lowerBound(false), lowerBound(true)]
  }

  private charAt(id: number, position: number): number {
    return this.text.charCodeAt(this.starts[id] + position)
  }

  /**
   * Calls `visit(id, distance)` for every term within `maxDistance` edits of `query`
   * (Levenshtein: insert, delete, substitute) that shares its first `fixedPrefix` chars.
   *
   * A fixed first letter is Lucene's `prefixLength` idea: few typos hit the first letter, and
   * pinning it skips all but one subtree of the walk (~30× less work at 250k terms).
   */
  fuzzy(
    query: string,
    maxDistance: number,
    visit: (id: number, distance: number) => void,
    fixedPrefix = 0
  ): void {
    const pinned = Math.min(fixedPrefix, query.length)
    const [from, to] = pinned > 0 ? this.prefixRange(query.slice(0, pinned)) : [0, this.size]
    if (from >= to) return
    const columns = query.length + 1
    const maxDepth = query.length + maxDistance
    const cap = maxDistance + 1
    // One Levenshtein row per depth of the walk; row `d` is for the first `d` chars of a term.
    const rows = new Uint8Array((maxDepth + 1) * columns)
    for (let depth = 0; depth <= pinned; depth += 1) {
      for (let j = 0; j < columns; j += 1) rows[depth * columns + j] = Math.min(Math.abs(j - depth), cap)
    }
    const queryCodes = new Uint16Array(query.length)
    for (let j = 0; j < query.length; j += 1) queryCodes[j] = query.charCodeAt(j)

    const walk = (depth: number, from: number, to: number): void => {
      let id = from
      // Sorted order puts the term that equals the shared prefix first.
      if (this.termLength(id) === depth) {
        // Cells outside the band are never written: a length gap beyond the limit is a miss.
        const distance =
          Math.abs(query.length - depth) <= maxDistance ? rows[depth * columns + columns - 1] : cap
        if (distance <= maxDistance) visit(id, distance)
        id += 1
      }
      if (depth >= maxDepth) return
      const previous = depth * columns
      const current = previous + columns
      // Only columns within `maxDistance` of the diagonal can stay under the cap.
      const low = Math.max(1, depth + 1 - maxDistance)
      const high = Math.min(columns - 1, depth + 1 + maxDistance)
      while (id < to) {
        const code = this.charAt(id, depth)
        const runEnd = this.endOfRun(id, to, depth, code)
        rows[current] = Math.min(depth + 1, cap)
        if (low > 1) rows[current + low - 1] = cap
        let best = low > 1 ? cap : rows[current]
        for (let j = low; j <= high; j += 1) {
          const substitute = rows[previous + j - 1] + (queryCodes[j - 1] === code ? 0 : 1)
          const insert = j <= depth + maxDistance ? rows[previous + j] + 1 : cap
          const remove = rows[current + j - 1] + 1
          const value = Math.min(substitute, insert, remove, cap)
          rows[current + j] = value
          if (value < best) best = value
        }
        if (high < columns - 1) rows[current + high + 1] = cap
        if (best <= maxDistance) walk(depth + 1, id, runEnd)
        id = runEnd
      }
    }
    walk(pinned, from, to)
  }

  /**
   * The first id in `[from, to)` whose char at `position` is greater than `code`. Gallops
   * before bisecting: most runs deep in the walk are a few terms long.
   */
  private endOfRun(from: number, to: number, position: number, code: number): number {
    let low = from + 1
    let step = 1
    while (low < to && this.charAt(low, position) <= code) {
      low += step
      step *= 2
    }
    let high = Math.min(low, to)
    low = Math.max(from + 1, low - step / 2)
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.charAt(middle, position) <= code) low = middle + 1
      else high = middle
    }
    return low
  }
}
