import MarkdownIt, { type StateCore, type StateInline } from 'markdown-it'
import { archiveLinkTarget } from '../../../shared/archiveLinkTarget'
import { renderBoundedMath } from './boundedMath'
import { APP_ROUTE_ATTRIBUTE } from './markdownRenderProtocol'

/**
 * Archive descriptions are user-submitted Markdown with LaTeX (`$...$`, `$$...$$`). Raw HTML is
 * off, so `<script>` or `<img onerror>` in a description stays text; link targets pass
 * markdown-it's URL check (no `javascript:`/`vbscript:`/`data:` except images), and clicks are
 * routed through the external-link policy by the component that shows the HTML. Links to the
 * old site's pages are rewritten to the app's routes and marked `data-app-route`, so they open
 * here rather than on the dead site.
 */

function renderMath(source: string, displayMode: boolean): string {
  // Descriptions escape underscores for Markdown even inside math (`\hat{m}\_t`).
  const tex = source.replace(/\\_/g, '_')
  return (
    renderBoundedMath(tex, displayMode) ??
    `<code class="math-source">${markdown.utils.escapeHtml(displayMode ? `$$${source}$$` : `$${source}$`)}</code>`
  )
}

function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false
  const display = src.charCodeAt(pos + 1) === 0x24
  const open = display ? 2 : 1
  const close = src.indexOf(display ? '$$' : '$', pos + open)
  if (close === -1) return false
  const tex = src.slice(pos + open, close)
  // "$5 and $10" is prose, not math; PWC writes math as `$ \eta $`, so padded TeX still counts.
  if (!display && (tex.trim().length === 0 || (/^\s|\s$/.test(tex) && !/[\\^_{}]/.test(tex)))) return false
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0)
    token.content = tex
  }
  state.pos = close + open
  return true
}

function routeOldSiteLinks(state: StateCore): void {
  for (const block of state.tokens) {
    for (const token of block.children ?? []) {
      if (token.type !== 'link_open') continue
      const target = archiveLinkTarget(String(token.attrGet('href') ?? ''))
      if (target.kind !== 'route') continue
      token.attrSet('href', target.path)
      token.attrSet(APP_ROUTE_ATTRIBUTE, '')
    }
  }
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })
markdown.inline.ruler.before('escape', 'math', mathRule)
// After linkify, so bare old-site URLs in the text are routed too.
markdown.core.ruler.push('route_old_site_links', routeOldSiteLinks)
markdown.renderer.rules.math_inline = (tokens, idx) => renderMath(tokens[idx].content, false)
markdown.renderer.rules.math_display = (tokens, idx) => renderMath(tokens[idx].content, true)

/**
 * The archive wraps description credits in `<span class="description-source">`; with raw HTML
 * off those tags would show as text, so span tags (only) are dropped and their text kept.
 */
function dropSpanTags(text: string): string {
  return text.replace(/<\/?span(\s[^>]*)?>/gi, '')
}

export function renderArchiveMarkdown(text: string): string {
  return markdown.render(dropSpanTags(text))
}
