/**
 * Ids derived from names, unique like the old site's: the first name to claim a slug gets it, a
 * different name with the same slug gets `-1`, then `-2`, ... ("Hand Gesture Recognition" and
 * "Hand-Gesture Recognition" are two 2020 tasks with one slug).
 *
 * The engine seeds it with the pairs already stored, so a name keeps its id across syncs even
 * when the name that claimed the plain slug first has left the newer dump.
 */
export class SlugIdRegistry {
  private readonly idByKey = new Map<string, string>()
  private readonly keyById = new Map<string, string>()

  constructor(known: Iterable<readonly [key: string, id: string]> = []) {
    for (const [key, id] of known) this.learn(key, id)
  }

  /** Records a stored pair; a key or id already known keeps its first pairing. */
  learn(key: string, id: string): void {
    if (this.idByKey.has(key) || this.keyById.has(id)) return
    this.idByKey.set(key, id)
    this.keyById.set(id, key)
  }

  /** The id `key` already has, if any. */
  get(key: string): string | undefined {
    return this.idByKey.get(key)
  }

  /** The key that has `id`, if any. */
  keyOf(id: string): string | undefined {
    return this.keyById.get(id)
  }

  /** The id of `key`, claiming `base` (or the first free `base-N`) when it has none yet. */
  assign(key: string, base: string): string {
    const known = this.idByKey.get(key)
    if (known !== undefined) return known
    let id = base
    for (let n = 1; this.keyById.has(id); n++) id = `${base}-${n}`
    this.idByKey.set(key, id)
    this.keyById.set(id, key)
    return id
  }
}
