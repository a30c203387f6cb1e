import { describe, expect, it } from 'vitest'
import { renderArchiveMarkdown } from '../../../src/renderer/components/markdown/archiveMarkdown'
import { archiveLinkTarget } from '../../../src/shared/archiveLinkTarget'
import { REAL_FILES, realRecords } from '../archive/archiveFixtures'

interface RawDescribed {
  url: string
  description: string | null
  paper: { title: string | null; url: string | null } | null
}

const methods = realRecords<RawDescribed>(REAL_FILES.methods)
const datasets = realRecords<RawDescribed>(REAL_FILES.datasets)
const described = (records: RawDescribed[], url: string): string =>
  records.find((record) => record.url === url)?.description ?? ''

/** The links of rendered HTML: where each points, and whether the app navigates to it itself. */
function renderedLinks(html: string): { href: string; inApp: boolean }[] {
  return [...html.matchAll(/<a href="([^"]*)"( data-app-route="")?>/g)].map(([, href, mark]) => ({
    href: href.replace(/&amp;/g, '&'),
    inApp: mark !== undefined
  }))
}

describe('links in archive descriptions', () => {
  it('open the pages the app has in the app, whatever way the description wrote them', () => {
    // QHAdam links absolute old-site URLs; gMLP also a `www.` one and a category page the app lacks.
    expect(
      renderedLinks(renderArchiveMarkdown(described(methods, 'https://paperswithcode.com/method/qhadam')))
    ).toEqual([
      { href: '/method/sgd-with-momentum', inApp: true },
      { href: '/method/sgd', inApp: true },
      { href: '/method/adam', inApp: true }
    ])
    const gmlp = renderedLinks(
      renderArchiveMarkdown(described(methods, 'https://paperswithcode.com/method/gmlp'))
    )
    expect(gmlp).toContainEqual({ href: '/method/spatial-gating-unit', inApp: true })
    expect(gmlp).toContainEqual({ href: '/method/gelu', inApp: true })
    expect(gmlp).toContainEqual({
      href: 'https://paperswithcode.com/methods/category/feedforward-networks',
      inApp: false
    })
  })

  it('route every old-site paper, task, dataset, method and sota link of the real dumps, and nothing else', () => {
    const page = /^(?:https?:\/\/(?:www\.)?paperswithcode\.com)?\/(paper|task|dataset|method|sota)\/([^/?#]+)/
    let routed = 0
    for (const record of [...methods, ...datasets]) {
      for (const link of renderedLinks(renderArchiveMarkdown(record.description ?? ''))) {
        const match = page.exec(link.href)
        if (link.inApp) {
          expect(link.href, record.url).toMatch(/^\//)
          routed++
        } else {
          // Outside links stay as they are: never an old-site page the app could show.
          expect(match, `${record.url}: ${link.href}`).toBeNull()
        }
      }
    }
    // 2,105 absolute and 990 relative links to those pages in the 2022 methods and datasets dumps.
    expect(routed).toBeGreaterThan(3000)
  })

  it('keep the site-relative links of dataset descriptions in the app (they meant the old site)', () => {
    // MultiNLI's description says "[SNLI](/dataset/snli)".
    expect(
      renderedLinks(renderArchiveMarkdown(described(datasets, 'https://paperswithcode.com/dataset/multinli')))
    ).toContainEqual({ href: '/dataset/snli', inApp: true })
  })
})

describe("a method's or dataset's introducing paper", () => {
  it('is the app’s paper page, not the dead site', () => {
    const adam = methods.find((method) => method.url === 'https://paperswithcode.com/method/adam')
    expect(adam?.paper?.url).toBe(
      'https://paperswithcode.com/paper/adam-a-method-for-stochastic-optimization'
    )
    expect(archiveLinkTarget(adam?.paper?.url ?? '')).toEqual({
      kind: 'route',
      path: '/paper/adam-a-method-for-stochastic-optimization'
    })
  })

  it('leaves other sites, mail and unsupported old-site pages outside', () => {
    expect(archiveLinkTarget('https://arxiv.org/abs/1412.6980')).toEqual({
      kind: 'external',
      url: 'https://arxiv.org/abs/1412.6980'
    })
    expect(archiveLinkTarget('https://paperswithcode.com/methods/category/transformers').kind).toBe(
      'external'
    )
    expect(archiveLinkTarget('mailto:someone@example.org').kind).toBe('external')
    expect(archiveLinkTarget('#section').kind).toBe('external')
    // A malformed escape must not throw inside a click handler.
    expect(archiveLinkTarget('https://paperswithcode.com/paper/%E0%A4%A')).toEqual({
      kind: 'route',
      path: '/paper/%25E0%25A4%25A'
    })
  })
})
