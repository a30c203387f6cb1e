import { describe, expect, it } from 'vitest'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'
import { ARXIV_PAPER, sampleCodeLinks, samplePaper } from './libraryFixtures'

describe('the paper snapshot a list entry keeps', () => {
  it('copies what the exports need from a real sample paper', () => {
    const paper = samplePaper(ARXIV_PAPER)
    expect(snapshotFromPaper(paper)).toEqual({
      title: 'New Higgs Signatures in Supersymmetry with Spontraneously Broken R Parity"',
      authors: ['J Romao', 'F de Campos', 'J W F Valle'],
      date: '1992-07-29',
      arxivId: 'hep-ph/9207269',
      venue: null,
      urlAbs: 'https://arxiv.org/abs/hep-ph/9207269v1',
      urlPdf: 'https://arxiv.org/pdf/hep-ph/9207269v1.pdf',
      codeUrls: [],
      paperUrl: 'https://paperswithcode.com/paper/new-higgs-signatures-in-supersymmetry-with'
    })
  })

  it('lists the official implementation first for a paper known from its code links', () => {
    const links = sampleCodeLinks().filter(
      (link) => link.paper_url === 'https://paperswithcode.com/paper/decoupled-weight-decay-regularization'
    )
    const stub = {
      id: 'decoupled-weight-decay-regularization',
      title: links[0].paper_title ?? '',
      authors: [],
      date: null,
      arxivId: links[0].paper_arxiv_id,
      proceeding: null,
      urlAbs: null,
      urlPdf: null,
      isStub: true,
      stubSource: 'link' as const
    }
    const snapshot = snapshotFromPaper(
      stub,
      links.map((link) => ({ repoUrl: link.repo_url, isOfficial: link.is_official }))
    )
    expect(snapshot.codeUrls[0]).toBe('https://github.com/loshchil/AdamW-and-SGDW')
    expect(snapshot.codeUrls).toHaveLength(3)
    expect(snapshot.paperUrl).toBe('https://paperswithcode.com/paper/decoupled-weight-decay-regularization')
    // A stub made from a leaderboard row has a synthetic id that never had a page.
    expect(snapshotFromPaper({ ...stub, stubSource: 'result' }).paperUrl).toBeNull()
  })
})
