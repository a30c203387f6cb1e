/**
 * Slugs as paperswithcode.com made them, so ids derived from names match the old site's URLs.
 *
 * Measured against every name/URL pair in the real data (task names with their `/task/` URLs in
 * the 2022 datasets dump, dataset and method names with their URLs, paper titles with their
 * `/paper/` URLs): the site used python-slugify with `max_length=45, word_boundary=True,
 * save_order=True`. That reproduces 97% of task, 97% of dataset, 97% of method and 94% of paper
 * slugs exactly or up to the site's `-1`, `-2` de-duplication suffix; the rest are renames
 * (`Visual Dialog` → `visual-dialogue`) and slugs from an older Django-style slugify
 * (`montezumas-revenge`), which no function of the name can reproduce.
 */

const MAX_SLUG_LENGTH = 45

// unidecode's transliteration for the characters NFKD cannot reduce to ASCII that occur in the
// dumps' names. Typographic apostrophes vanish ("AG’s Corpus" → `ags-corpus`) while an ASCII
// apostrophe separates words ("Bird's-Eye" → `bird-s-eye`), as python-slugify does.
const TRANSLITERATIONS: Record<string, string> = {
  '\u2018': '',
  '\u2019': '',
  '\u00b4': '',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00b0': 'deg',
  '\u00d7': 'x',
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u00c6': 'AE',
  '\u0153': 'oe',
  '\u0152': 'OE',
  '\u00f8': 'o',
  '\u00d8': 'O',
  '\u0142': 'l',
  '\u0141': 'L',
  '\u0111': 'd',
  '\u0110': 'D',
  '\u00f0': 'd',
  '\u00fe': 'th',
  '\u0131': 'i'
}

const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'g')

function toAscii(text: string): string {
  return text
    .replace(TRANSLITERATED, (char) => TRANSLITERATIONS[char])
    .normalize('NFKD')
    .replace(/[\u0080-\uffff]/g, '')
}

/** python-slugify's `smart_truncate` with `save_order=True`: whole words, in order, up to the cap. */
function truncateAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length < maxLength) return slug
  if (!slug.includes('-')) return slug.slice(0, maxLength)
  let truncated = ''
  for (const word of slug.split('-')) {
    if (!word) continue
    const nextLength = truncated.length + word.length
    if (nextLength < maxLength) {
      truncated += `${word}-`
    } else {
      if (nextLength === maxLength) truncated += word
      break
    }
  }
  if (!truncated) truncated = slug.slice(0, maxLength)
  return truncated.replace(/^-+|-+$/g, '')
}

/** The slug part, before any cut; `''` when nothing sluggable remains. */
export function slugWords(text: string): string {
  return toAscii(text.replace(/'+/g, '-'))
    .toLowerCase()
    .replace(/'+/g, '')
    .replace(/(?<=\d),(?=\d)/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * The old site's slug of a name or title. Returns `fallback` when the text has nothing to slug
 * (the 2020 tree has a task with an empty name; the old site served it at `/task/task`).
 */
export function pwcSlug(text: string, fallback = ''): string {
  return truncateAtWordBoundary(slugWords(text), MAX_SLUG_LENGTH) || fallback
}

/** The id of a task from its name: `'Image Classification'` → `'image-classification'`. */
export function taskSlug(name: string): string {
  return pwcSlug(name, 'task')
}

/**
 * The last path segment of a PWC URL (`https://paperswithcode.com/method/adam` → `adam`), or
 * `null` when there is none. Trailing slashes, queries and fragments are ignored.
 */
export function slugFromPwcUrl(url: string): string | null {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '')
  const slash = path.lastIndexOf('/')
  const segment = slash === -1 ? path : path.slice(slash + 1)
  if (!segment || /^https?:$/i.test(segment) || segment.includes('.')) return null
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
