/**
 * `links-between-papers-and-code` records → `CodeLinkRecord`, each with the stub its paper gets
 * when the papers table does not have it.
 */
import { codeLinkId } from './codeLinkIds'
import type { CodeLinkRecord, PaperRecord } from './entities'
import { createNormalizationStats, type DumpNormalizer } from './dumpNormalizer'
import { normalizeArxivId } from './paperKeys'
import { linkPaperStub } from './paperResolution'
import { booleanOrNull, expectRawObject, expectText, lineOrNull } from './rawFields'
import { paperIdFromUrl } from './pwcReferences'
import type { RawCodeLink } from './rawDumpTypes'

export interface NormalizedCodeLink {
  link: CodeLinkRecord
  paperStub: PaperRecord
}

// `none` is the dump's word for "no framework detected"; pages show nothing for it.
function frameworkOrNull(value: unknown): string | null {
  const framework = lineOrNull(value)
  return framework === null || framework.toLowerCase() === 'none' ? null : framework
}

export function normalizeCodeLinkRecord(raw: unknown): NormalizedCodeLink {
  const record = expectRawObject<RawCodeLink>(raw, 'a links-between-papers-and-code record')
  const paperId = paperIdFromUrl(expectText(record, 'paper_url', 'a code link'), 'a code link')
  const repoUrl = expectText(record, 'repo_url', 'a code link').trim()
  const link: CodeLinkRecord = {
    id: codeLinkId(paperId, repoUrl),
    paperId,
    paperTitle: lineOrNull(record.paper_title),
    paperArxivId: normalizeArxivId(record.paper_arxiv_id),
    repoUrl,
    isOfficial: record.is_official === true,
    framework: frameworkOrNull(record.framework),
    mentionedInPaper: booleanOrNull(record.mentioned_in_paper),
    mentionedInGithub: booleanOrNull(record.mentioned_in_github)
  }
  return {
    link,
    paperStub: linkPaperStub(link, lineOrNull(record.paper_url_abs), lineOrNull(record.paper_url_pdf))
  }
}

export function createCodeLinksNormalizer(): DumpNormalizer {
  const stats = createNormalizationStats()
  return {
    kind: 'links',
    ownedTables: ['codeLinks'],
    stats,
    add(raw, into) {
      stats.records++
      const { link, paperStub } = normalizeCodeLinkRecord(raw)
      into.codeLinks.push(link)
      into.paperStubs.push(paperStub)
    },
    finish() {}
  }
}
