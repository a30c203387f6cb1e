import { describe, expect, it } from 'vitest'
import {
  isPlaceholderMetric,
  parseMetricNumber,
  parseMetricValue
} from '../../../src/shared/archive/metricValue'
import { REAL_FILES, realRecords } from './archiveFixtures'

interface Tree {
  datasets: { sota: { rows: { metrics: Record<string, string> }[] } | null; subdatasets?: Tree['datasets'] }[]
  subtasks: Tree[]
}

function allMetricStrings(): string[] {
  const values: string[] = []
  const visitDatasets = (datasets: Tree['datasets']): void => {
    for (const dataset of datasets) {
      for (const row of dataset.sota?.rows ?? []) values.push(...Object.values(row.metrics))
      visitDatasets(dataset.subdatasets ?? [])
    }
  }
  const visitTask = (task: Tree): void => {
    visitDatasets(task.datasets)
    task.subtasks.forEach(visitTask)
  }
  realRecords<Tree>(REAL_FILES.evaluationTables).forEach(visitTask)
  return values
}

describe('parseMetricNumber on every shape of the 2020 evaluation tables', () => {
  it.each([
    ['15.8', 15.8],
    ['22', 22],
    ['-1.1', -1.1],
    ['.931', 0.931],
    [' 0.8784', 0.8784],
    ['51.5 ', 51.5],
    ['\uFEFF93.3', 93.3],
    ['88.5%', 88.5],
    ['0.635%', 0.635],
    [' 9.1%', 9.1],
    ['57.01 %', 57.01],
    ['79.6%%', 79.6],
    ['480M', 480_000_000],
    ['1.82 M', 1_820_000],
    ['0.46B', 460_000_000],
    ['580k', 580_000],
    ['339m', 339_000_000],
    ['1.2x', 1.2],
    ['0.33s/img', 0.33],
    ['2,200', 2200],
    ['1,514,187', 1_514_187],
    ['99,45', 99.45],
    ['76,2%', 76.2],
    ['>1,400.000', 1400],
    ['0.57 ± 0.23', 0.57],
    ['2.42±0.01', 2.42],
    ['8.42 ± 3', 8.42],
    ['27.3 (±0.2)', 27.3],
    ['42.5(1080Ti)', 42.5],
    ['11(TitanX)', 11],
    ['70.14 (measured by Ge et al., 2018)', 70.14],
    ['78.0 (average of 3 split train/test)', 78],
    ['**55.6**', 55.6],
    ['63.7*', 63.7],
    ['56.4&', 56.4]
  ])('%j → %d', (raw, value) => {
    expect(parseMetricNumber(raw)).toBeCloseTo(value, 10)
  })

  it.each([
    '-',
    '--',
    '–',
    'N/A',
    '',
    'Yes',
    'Monocular',
    'UCF101',
    'TAS-pruned ResNet-18',
    '54.60/55.55',
    '94.6 (14  gestures) , 91.9 (28 gestures )',
    '20 per node',
    '87:1',
    '2.2.M',
    'O.753',
    'improving about 0.2-0.3dB'
  ])('%j states no single number', (raw) => {
    expect(parseMetricNumber(raw)).toBeNull()
  })

  it('keeps the raw string beside the number', () => {
    expect(parseMetricValue('88.5%')).toEqual({ raw: '88.5%', value: 88.5 })
    expect(parseMetricValue('N/A')).toEqual({ raw: 'N/A', value: null })
  })

  it('parses all 43,960 real values except 160 placeholders and 31 words, pairs and typos', () => {
    const values = allMetricStrings()
    expect(values).toHaveLength(43_960)
    const unparsed = values.filter((raw) => parseMetricNumber(raw) === null)
    const placeholders = unparsed.filter(isPlaceholderMetric)
    expect(placeholders).toHaveLength(160)
    expect([...new Set(unparsed.filter((raw) => !isPlaceholderMetric(raw)))].sort()).toEqual([
      '2.2.M',
      '20 per node',
      '20 per node with early stopping set',
      '26.71/27.78',
      '54.60/55.55',
      '75.8/75.5',
      '76.2/83.1',
      '78.6/84.4',
      '78.9/78.6',
      '80.4/85.9',
      '87:1',
      '94.6 (14  gestures) , 91.9 (28 gestures )',
      'Conv-Large',
      'Kinetics400',
      'Monocular',
      'Multi-View',
      'No',
      'O.753',
      'TAS-pruned ResNet-18',
      'UCF101',
      'YES',
      'Yes',
      'action',
      'cm',
      'cosine loss',
      'fixed 20 per class',
      'fixed 20 per node',
      'github.com/pattyhendrix/CamVid-95-accuracy/blob/master/CamVid-95.ipynb',
      'improving about 0.2-0.3dB',
      'min',
      'yes'
    ])
  })
})
