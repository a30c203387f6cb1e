/**
 * Small non-cryptographic hashes (FNV-1a) for ids and change detection. Nothing here defends
 * against a forger: they tell apart results of one leaderboard and versions of one dump file.
 */

const FNV_PRIME = 0x01000193
const FNV_OFFSET = 0x811c9dc5
// A second offset basis gives an independent-enough second hash for a 64-bit fingerprint.
const FNV_OFFSET_ALT = 0x050c5d1f

function fnv1aText(text: string, offset: number): number {
  let hash = offset
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}

function fnv1aBytes(bytes: Uint8Array, offset: number): number {
  let hash = offset
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}

/** A short base-36 hash of a string (at most 7 characters). */
export function shortTextHash(text: string): string {
  return fnv1aText(text, FNV_OFFSET).toString(36)
}

/** A 64-bit hex fingerprint of some bytes. */
export function bytesFingerprint(bytes: Uint8Array): string {
  const a = fnv1aBytes(bytes, FNV_OFFSET).toString(16).padStart(8, '0')
  const b = fnv1aBytes(bytes, FNV_OFFSET_ALT).toString(16).padStart(8, '0')
  return a + b
}
