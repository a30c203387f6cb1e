/**
 * Renders Markdown and KaTeX off the UI thread: even bounded, a piece of hostile TeX costs
 * hundreds of milliseconds (10,000 characters of dense math: ~300 ms), which on the UI thread
 * would freeze the page. The UI only inserts the HTML this returns.
 */
import { renderMarkdownPiece } from './markdownPieces'
import type { MarkdownPieceReply, MarkdownPieceRequest } from './markdownRenderProtocol'

const scope = self as unknown as {
  postMessage(message: MarkdownPieceReply): void
  onmessage: ((event: MessageEvent<MarkdownPieceRequest>) => void) | null
}

scope.onmessage = ({ data: { id, window, maxChars } }) => {
  try {
    scope.postMessage({ id, type: 'rendered', piece: renderMarkdownPiece(window, maxChars) })
  } catch (error) {
    scope.postMessage({ id, type: 'failed', message: String(error) })
  }
}
