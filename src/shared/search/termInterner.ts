/**
 * Turns text straight into term ids for the index builder, applying exactly `analyzeText`'s
 * rules, without allocating a string for any term it has seen before.
 *
 * A full build reads ~130M tokens. Slicing each into a string and looking it up in a `Map` cost
 * ~1 µs a token (allocation, hashing, and cache misses on scattered keys); hashing the chars
 * while scanning them and comparing against the stored term in an open-addressing table does
 * the same work for known terms with no allocation at all.
 */
import { isStopWord, MAX_TERM_LENGTH, normalizeTerm } from './textAnalysis'

// Hot loops read these as module constants: transpilers that compile imports to getters
// (tsx, vite-node) would otherwise call a function per posting.
const MAX_LENGTH = MAX_TERM_LENGTH

// Mirrors textAnalysis: 0 separator, 1 lowercase letter or digit, 2 uppercase letter.
const ASCII_CLASS = new Uint8Array(128)
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code)
  ASCII_CLASS[code] = /[a-z0-9]/.test(char) ? 1 : /[A-Z]/.test(char) ? 2 : 0
}
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function isWordChar(text: string, index: number, code: number): boolean {
  if (code < 128) return ASCII_CLASS[code] !== 0
  if (code >= 0xd800 && code <= 0xdfff) return true
  return NON_ASCII_WORD.test(text[index])
}

function hashString(term: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < term.length; i += 1) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME)
  return hash >>> 0
}

export class TermInterner {
  /** Term id + 1 per slot; 0 marks an empty slot. */
  private slots = new Int32Array(1 << 16)
  private hashes = new Uint32Array(1 << 12)
  private stop = new Uint8Array(1 << 12)
  readonly terms: string[] = []

  get size(): number {
    return this.terms.length
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.terms.length; id += 1) {
      let slot = this.hashes[id] & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = id + 1
    }
    this.slots = slots
  }

  private add(term: string, hash: number): number {
    const id = this.terms.length
    this.terms.push(term)
    if (id >= this.hashes.length) {
      const hashes = new Uint32Array(this.hashes.length * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
      const stop = new Uint8Array(this.stop.length * 2)
      stop.set(this.stop)
      this.stop = stop
    }
    this.hashes[id] = hash
    this.stop[id] = term.length < 2 || isStopWord(term) ? 1 : 0
    // Growing re-inserts every term, this one included; otherwise insert it here.
    if (this.terms.length * 2 > this.slots.length) {
      this.grow()
    } else {
      const mask = this.slots.length - 1
      let slot = hash & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = id + 1
    }
    return id
  }

  /** The id of an already normalized term, added if new. */
  intern(term: string): number {
    const hash = hashString(term)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]
      if (entry === 0) break
      if (this.hashes[entry - 1] === hash && this.terms[entry - 1] === term) return entry - 1
    }
    return this.add(term, hash)
  }

  /** Looks up the ASCII token `text[start, end)` lowercased, without slicing it unless new. */
  private internAscii(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    const length = end - start
    probe: for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]
      if (entry === 0) break
      const id = entry - 1
      if (this.hashes[id] !== hash) continue
      const term = this.terms[id]
      if (term.length !== length) continue
      for (let j = 0; j < length; j += 1) {
        const code = text.charCodeAt(start + j)
        if (term.charCodeAt(j) !== (ASCII_CLASS[code] === 2 ? code | 0x20 : code)) continue probe
      }
      return id
    }
    // Copy the new term: a slice would keep the whole abstract it came from alive.
    return this.add(text.slice(start, end).toLowerCase().split('').join(''), hash)
  }

  /**
   * Appends the ids of `text`'s terms to `into` (cleared first), as `analyzeText(text, { keepShortAndStopWords })`
   * would produce them.
   */
  internText(text: string, keepShortAndStopWords: boolean, into: number[]): void {
    into.length = 0
    let start = -1
    let ascii = true
    let hash = FNV_OFFSET
    for (let i = 0; i <= text.length; i += 1) {
      const code = i < text.length ? text.charCodeAt(i) : 32
      if (i < text.length && isWordChar(text, i, code)) {
        if (start < 0) {
          start = i
          ascii = true
          hash = FNV_OFFSET
        }
        if (code < 128) hash = Math.imul(hash ^ (ASCII_CLASS[code] === 2 ? code | 0x20 : code), FNV_PRIME)
        else ascii = false
        continue
      }
      if (start < 0) continue
      const length = i - start
      if (length <= MAX_LENGTH && (keepShortAndStopWords || length >= 2)) {
        let id: number
        if (ascii) {
          id = this.internAscii(text, start, i, hash >>> 0)
        } else {
          const term = normalizeTerm(text.slice(start, i))
          id = term.length === 0 ? -1 : this.intern(term)
        }
        if (id >= 0 && (keepShortAndStopWords || this.stop[id] === 0)) into.push(id)
      }
      start = -1
    }
  }
}
