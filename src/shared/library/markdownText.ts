/**
 * Archive text placed into Markdown. Titles and names come from user-submitted records (the 2025
 * dumps hold spam and injection-looking strings), and the exported file is opened in renderers
 * that accept raw HTML and `$...$` math, so every character Markdown gives a meaning is escaped
 * and only plain web links become links.
 */
import { checkExternalUrl } from '../security/externalLinks'

/** Inline text that renders as exactly these characters. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#~$]|&(?=#?\w+;)/g, (character) => `\\${character}`)
}

/**
 * `[label](<url>)`, or `null` when the URL is not a plain http(s) link. The URL parser has already
 * percent-encoded spaces and angle brackets, so the bracketed destination cannot be broken out of.
 */
export function markdownLink(label: string, url: string | null): string | null {
  if (url === null) return null
  const verdict = checkExternalUrl(url)
  return verdict.allowed ? `[${escapeMarkdownInline(label)}](<${verdict.url}>)` : null
}

/** The user's own Markdown, quoted so its headings and lists stay inside the entry they belong to. */
export function quoteMarkdownBlock(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
