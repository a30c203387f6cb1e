import { useMemo, type MouseEvent, type ReactNode } from 'react'
import 'katex/dist/katex.min.css'
import { appApi } from '../../platform/appApi'
import { renderArchiveMarkdown } from './archiveMarkdown'

/** Archive Markdown, rendered safely; every link leaves through the external-link policy. */
export function MarkdownText({ text, className }: { text: string; className?: string }): ReactNode {
  const html = useMemo(() => renderArchiveMarkdown(text), [text])
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as HTMLElement).closest('a')
    if (!anchor) return
    event.preventDefault()
    void appApi.openExternal(anchor.getAttribute('href') ?? '')
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
