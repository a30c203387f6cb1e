import { describe, expect, it } from 'vitest'
import { pwcSlug, slugFromPwcUrl, taskSlug } from '../../../src/shared/archive/slug'
import { REAL_FILES, realRecords } from './archiveFixtures'

interface RawDatasetWithTasks {
  url: string
  name: string
  tasks: { task: string; url: string }[]
}

interface NamedUrl {
  url: string
  name: string
}

/** Share of (name, url) pairs whose slug matches, exactly or up to the old site's `-N` suffix. */
function agreement(pairs: [name: string, url: string][]): number {
  const matching = pairs.filter(([name, url]) => {
    const slug = slugFromPwcUrl(url) ?? ''
    return slug === pwcSlug(name) || slug.replace(/-\d+$/, '') === pwcSlug(name)
  })
  return matching.length / pairs.length
}

describe('pwcSlug reproduces the old site', () => {
  it.each([
    ['Image Classification', 'image-classification'],
    ['3D Human Pose Estimation', '3d-human-pose-estimation'],
    // An ASCII apostrophe separates words, a typographic one vanishes (python-slugify + unidecode).
    ["Bird's-Eye View Semantic Segmentation", 'bird-s-eye-view-semantic-segmentation'],
    ['AG’s Corpus', 'ags-corpus'],
    ['Human3.6M', 'human3-6m'],
    ['CHASE_DB1', 'chase-db1'],
    ['Refer360°', 'refer360deg'],
    // Cut to 45 characters at a word boundary.
    ['Multi-Label Classification Of Biomedical Texts', 'multi-label-classification-of-biomedical'],
    ['Bird Species Classification With Audio-Visual Data', 'bird-species-classification-with-audio-visual'],
    ['Headline style transfer (Il Giornale to Repubblica)', 'headline-style-transfer-il-giornale-to']
  ])('%s → %s', (name, slug) => {
    expect(pwcSlug(name)).toBe(slug)
  })

  it('gives the empty 2020 task the id the old site served it at', () => {
    expect(taskSlug('')).toBe('task')
  })

  it('matches the real task, dataset and method URLs of the 2022 dumps', () => {
    const datasets = realRecords<RawDatasetWithTasks>(REAL_FILES.datasets)
    const methods = realRecords<NamedUrl>(REAL_FILES.methods)
    const taskPairs = new Map<string, string>()
    for (const dataset of datasets)
      for (const task of dataset.tasks) if (task.task) taskPairs.set(task.task, task.url)
    // The rest are renames on the live site ("Visual Dialog" → visual-dialogue).
    expect(agreement([...taskPairs])).toBeGreaterThan(0.97)
    expect(agreement(datasets.map((d) => [d.name, d.url]))).toBeGreaterThan(0.96)
    expect(agreement(methods.map((m) => [m.name, m.url]))).toBeGreaterThan(0.97)
  })

  it('reads slugs out of PWC URLs', () => {
    expect(slugFromPwcUrl('https://paperswithcode.com/paper/generative-adversarial-networks')).toBe(
      'generative-adversarial-networks'
    )
    expect(slugFromPwcUrl('https://paperswithcode.com/method/adam/')).toBe('adam')
    expect(slugFromPwcUrl('https://paperswithcode.com')).toBeNull()
  })
})
