/**
 * Every real file, streamed through the reader and the normalizers exactly as a sync does, but
 * without a database: full counts and specific records.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { RecordShapeError } from '../../../src/shared/archive/dumpErrors'
import { detectDumpKind, snapshotDateFromFileName } from '../../../src/shared/archive/dumpKinds'
import { createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import { normalizeCodeLinkRecord } from '../../../src/shared/archive/normalizeCodeLinks'
import { normalizeMethodRecord } from '../../../src/shared/archive/normalizeMethods'
import { normalizePaperRecord } from '../../../src/shared/archive/normalizePapers'
import { REAL_FILES, normalizeRealFile, realRecords, type NormalizedFile } from './archiveFixtures'

describe('dump kinds', () => {
  it.each([
    ['jul-28-evaluation-tables.json.gz', 'evaluation-tables'],
    ['jul-29-papers-with-abstracts.json.gz', 'papers'],
    ['jul-28-links-between-papers-and-code.json.gz', 'links'],
    ['jul-28-methods.json.gz', 'methods'],
    ['jul-28-datasets.json.gz', 'datasets'],
    [REAL_FILES.evaluationTables, 'evaluation-tables'],
    [REAL_FILES.methods, 'methods'],
    [REAL_FILES.datasets, 'datasets'],
    [REAL_FILES.papers, 'papers'],
    [REAL_FILES.links, 'links'],
    [REAL_FILES.nlpProgress, 'evaluation-tables'],
    ['evaluation_tables.json', 'evaluation-tables'],
    ['pwc-api-v1_codingpot_paper_method_list_response.json', null],
    ['derived_grimrepor_links-subset-with-github-stats_2024-12.csv', null]
  ])('%s is %s', (name, kind) => {
    expect(detectDumpKind(name)).toBe(kind)
  })

  it('reads snapshot dates where the name has a year', () => {
    expect(snapshotDateFromFileName(REAL_FILES.evaluationTables)).toBe('2020-09')
    expect(snapshotDateFromFileName('jul-28-methods.json.gz')).toBeNull()
  })
})

describe('normalizing the full real files', () => {
  const context = createNormalizationContext()
  let methods: NormalizedFile
  let datasets: NormalizedFile
  let papers: NormalizedFile
  let links: NormalizedFile
  let tables: NormalizedFile

  beforeAll(async () => {
    // Import order, as the engine runs it, on one shared context.
    methods = await normalizeRealFile(REAL_FILES.methods, context)
    datasets = await normalizeRealFile(REAL_FILES.datasets, context)
    papers = await normalizeRealFile(REAL_FILES.papers, context)
    links = await normalizeRealFile(REAL_FILES.links, context)
    tables = await normalizeRealFile(REAL_FILES.evaluationTables, context)
  })

  it('counts the 2020 evaluation tables as the README does, and stores each leaderboard once', () => {
    expect(tables.stats).toMatchObject({
      records: 860,
      taskOccurrences: 2017,
      leaderboardOccurrences: 4531,
      resultRowOccurrences: 28_183,
      // 266 task names repeat under several parents, and their tables with them.
      repeatedLeaderboards: 1793,
      conflictingRepeats: 0
    })
    expect(tables.batch.tasks).toHaveLength(1553)
    expect(tables.batch.leaderboards).toHaveLength(2738)
    expect(tables.batch.results).toHaveLength(15_519)
    expect(new Set(tables.batch.results.map((r) => r.id)).size).toBe(15_519)
    // The README's 806 undated rows, counted once per leaderboard.
    expect(tables.batch.results.filter((r) => r.paperDate === null)).toHaveLength(644)
  })

  it('counts the other dumps', () => {
    expect(methods.batch.methods).toHaveLength(1924)
    expect(datasets.batch.datasets).toHaveLength(6257)
    expect(papers.batch.papers).toHaveLength(50)
    expect(links.batch.codeLinks).toHaveLength(2297)
    expect(new Set(links.batch.paperStubs.map((s) => s.id)).size).toBe(2200)
  })

  it('keeps a known ImageNet row with its model, date and parsed Top-1', () => {
    const board = tables.batch.leaderboards.find((b) => b.id === 'image-classification-on-imagenet')
    expect(board).toMatchObject({
      taskId: 'image-classification',
      datasetName: 'ImageNet',
      metrics: ['Top 1 Accuracy', 'Top 5 Accuracy', 'Number of params'],
      resultCount: 199
    })
    const row = tables.batch.results.find(
      (r) => r.leaderboardId === 'image-classification-on-imagenet' && r.modelName === 'FixEfficientNet-L2'
    )
    expect(row).toMatchObject({
      position: 0,
      paperTitle: 'Fixing the train-test resolution discrepancy: FixEfficientNet',
      paperArxivId: '2003.08237',
      paperDate: '2020-03-18',
      paperId: 'arxiv:2003.08237',
      codeLinks: ['https://github.com/facebookresearch/FixRes'],
      metrics: {
        'Top 1 Accuracy': { raw: '88.5%', value: 88.5 },
        'Top 5 Accuracy': { raw: '98.7%', value: 98.7 },
        'Number of params': { raw: '480M', value: 480_000_000 }
      }
    })
  })

  it('builds the task tree: empty names, slug clashes, several parents', () => {
    const byId = new Map(tables.batch.tasks.map((task) => [task.id, task]))
    expect(byId.get('task')).toMatchObject({ name: '', parentId: null })
    expect(byId.get('hand-gesture-recognition')?.name).toBe('Hand Gesture Recognition')
    expect(byId.get('hand-gesture-recognition-1')?.name).toBe('Hand-Gesture Recognition')
    const faceGeneration = byId.get('face-generation')
    expect(faceGeneration?.parentId).toBe('facial-recognition-and-modelling')
    expect(faceGeneration?.otherParentIds).toEqual(
      expect.arrayContaining(['3d-absolute-human-pose-estimation', 'image-generation'])
    )
    for (const task of tables.batch.tasks) {
      if (task.parentId !== null) expect(byId.has(task.parentId)).toBe(true)
    }
    // Descriptions are stored with Unix line ends.
    expect(tables.batch.tasks.some((task) => task.description?.includes('\r'))).toBe(false)
  })

  it('keeps leaderboards that differ only by a stray space apart', () => {
    const fb15k = tables.batch.leaderboards.filter(
      (b) => b.taskId === 'link-prediction' && b.datasetSlug === 'fb15k'
    )
    expect(fb15k.map((b) => b.datasetName).sort()).toEqual([' FB15k', 'FB15k'])
    expect(fb15k.map((b) => b.id).sort()).toEqual(['link-prediction-on-fb15k', 'link-prediction-on-fb15k-1'])
  })

  it('stores methods with their placeholder year removed and ids from their URLs', () => {
    const autoencoder = methods.batch.methods.find((m) => m.id === 'autoencoder')
    expect(autoencoder).toMatchObject({ name: 'AutoEncoder', introducedYear: null, numPapers: 2602 })
    expect(autoencoder?.description).toContain('(the decoder).\n\nImage:')
    expect(methods.batch.methods.filter((m) => m.introducedYear === null)).toHaveLength(1866)
    expect(methods.batch.methods.some((m) => m.description?.includes('\r'))).toBe(false)
  })

  it('stores datasets as the dump has them, the 2027 one included', () => {
    const mnist = datasets.batch.datasets.find((d) => d.id === 'mnist')
    expect(mnist?.name).toBe('MNIST')
    expect(mnist?.taskIds).toContain('image-classification')
    expect(datasets.batch.datasets.find((d) => d.introducedDate === '2027-05-28')?.id).toBe(
      'mit-bih-arrhythmia-database'
    )
  })

  it('turns links into records with stubs that carry the real paper id', () => {
    const { link, paperStub } = normalizeCodeLinkRecord(realRecords(REAL_FILES.links)[2])
    expect(link).toMatchObject({
      paperId: 'attngan-fine-grained-text-to-image-generation',
      paperArxivId: '1711.10485',
      repoUrl: 'https://github.com/bprabhakar/text-to-image',
      isOfficial: false,
      framework: 'pytorch'
    })
    expect(paperStub).toMatchObject({
      id: link.paperId,
      isStub: true,
      stubSource: 'link',
      arxivId: '1711.10485'
    })
  })

  it('reads the sota-extractor trees: missing keys, sota null, subdatasets', async () => {
    const nlp = await normalizeRealFile(REAL_FILES.nlpProgress, createNormalizationContext())
    const general = nlp.batch.leaderboards.find((b) => b.id === 'hypernym-discovery-on-semeval-2018-general')
    expect(general).toMatchObject({
      datasetName: 'General',
      parentDatasetName: 'SemEval 2018',
      resultCount: 8
    })
    expect(nlp.stats.leaderboardOccurrences).toBe(
      nlp.batch.leaderboards.length + nlp.stats.repeatedLeaderboards
    )
  })

  it('rejects a record of the wrong kind with a shape error', () => {
    const method = realRecords(REAL_FILES.methods)[0]
    expect(() => normalizePaperRecord(method, context)).toThrow(RecordShapeError)
    expect(() => normalizePaperRecord(method, context)).toThrow(/paper_url/)
    expect(() => normalizeMethodRecord(['not', 'an', 'object'])).toThrow(/found an array/)
  })
})
