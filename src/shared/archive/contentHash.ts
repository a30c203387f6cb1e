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

/** A short base-36 hash of a string (at most 7 characters). */
export function shortTextHash(text: string): string {
  return fnv1aText(text, FNV_OFFSET).toString(36)
}

/**
 * A 64-bit fingerprint (two 32-bit FNV-1a lanes) fed chunk by chunk, so a file is hashed while
 * it streams through the importer instead of in a second pass over its bytes.
 */
export class BytesHasher {
  private a = FNV_OFFSET
  private b = FNV_OFFSET_ALT
  private total = 0

  update(bytes: Uint8Array): void {
    let a = this.a
    let b = this.b
    for (let i = 0; i < bytes.length; i++) {
      a = Math.imul(a ^ bytes[i], FNV_PRIME)
      b = Math.imul(b ^ bytes[i], FNV_PRIME)
    }
    this.a = a
    this.b = b
    this.total += bytes.length
  }

  /** Bytes hashed so far. */
  get byteCount(): number {
    return this.total
  }

  /** The hex fingerprint of everything passed to `update` so far. */
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0')
  }
}

/** A 64-bit hex fingerprint of some bytes. */
export function bytesFingerprint(bytes: Uint8Array): string {
  const hasher = new BytesHasher()
  hasher.update(bytes)
  return hasher.digest()
}

/** A 64-bit hex fingerprint (two FNV-1a lanes) of a string's UTF-16 code units. */
export function textFingerprint(text: string): string {
  return (
    fnv1aText(text, FNV_OFFSET).toString(16).padStart(8, '0') +
    fnv1aText(text, FNV_OFFSET_ALT).toString(16).padStart(8, '0')
  )
}
