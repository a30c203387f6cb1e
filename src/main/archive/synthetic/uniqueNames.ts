import type { Random } from './seededRandom'

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1)
    const swap = copy[i]
    copy[i] = copy[j]
    copy[j] = swap
  }
  return copy
}

/**
 * `count` distinct names: real ones first (in random order), then variants of real ones once
 * the real supply runs out (the 2025 archive has ~4.5× as many methods as the 2022 sample).
 */
export function uniqueNames(
  random: Random,
  realNames: readonly string[],
  count: number,
  variantOf: (base: string) => string
): string[] {
  const used = new Set<string>()
  const names: string[] = []
  for (const name of shuffled(random, [...new Set(realNames)])) {
    if (names.length >= count) return names
    if (name.trim().length === 0) continue
    used.add(name)
    names.push(name)
  }
  while (names.length < count) {
    let candidate = variantOf(random.pick(realNames))
    for (let attempt = 2; used.has(candidate); attempt += 1)
      candidate = `${variantOf(random.pick(realNames))} ${attempt}`
    used.add(candidate)
    names.push(candidate)
  }
  return names
}

/** Words that qualify real names ("Few-Shot", "Unsupervised", "3D"): first words of multi-word names. */
export function qualifiersOf(realNames: readonly string[]): string[] {
  const qualifiers = new Set<string>()
  for (const name of realNames) {
    const words = name.split(/\s+/)
    if (words.length >= 3 && /^[A-Z0-9]/.test(words[0])) qualifiers.add(words[0])
  }
  return [...qualifiers]
}
