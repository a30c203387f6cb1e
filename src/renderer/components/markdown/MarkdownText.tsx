import { useMemo, type MouseEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import 'katex/dist/katex.min.css'
import { appApi } from '../../platform/appApi'
import { APP_ROUTE_ATTRIBUTE, renderArchiveMarkdown } from './archiveMarkdown'

/**
 * Archive Markdown, rendered safely. Links to pages the app has (rewritten by
 * `renderArchiveMarkdown`) navigate in the app; every other link leaves through the
 * external-link policy.
 */
export function MarkdownText({ text, className }: { text: string; className?: string }): ReactNode {
  const html = useMemo(() => renderArchiveMarkdown(text), [text])
  const navigate = useNavigate()
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as HTMLElement).closest('a')
    if (!anchor) return
    event.preventDefault()
    const href = anchor.getAttribute('href') ?? ''
    if (anchor.hasAttribute(APP_ROUTE_ATTRIBUTE)) navigate(href)
    else void appApi.openExternal(href)
  }
  return (
    // The HTML comes from markdown-it with raw HTML disabled and KaTeX with trust off.
    <div
      className={`markdown ${className ?? ''}`}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
