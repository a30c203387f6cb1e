import type { PaperRecord } from '../../../shared/archive/entities'

/** Placeholder replaced by the shared BibTeX exporter. */
export function paperBibtex(paper: PaperRecord): string {
  return `@misc{${paper.id},\n  title = {${paper.title}}\n}`
}
