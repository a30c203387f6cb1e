import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { csvField, runFrontier } from '../../../src/main/cli/frontierCommand'

const EVALUATION_TABLES_2020 = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/pwc-dump-2020-09_evaluation-tables.json.gz'
)

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runFrontier(
    args,
    (line) => out.push(line),
    (line) => err.push(line)
  )
  return { code, out, err }
}

describe('frontier command on the real 2020 evaluation tables', () => {
  it('prints the Penn Treebank perplexity frontier as CSV, lower being better', async () => {
    const { code, out, err } = await run([
      EVALUATION_TABLES_2020,
      '--task',
      'Language Modelling',
      '--dataset',
      'Penn Treebank (Word Level)',
      '--metric',
      'Test perplexity'
    ])
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out).toEqual([
      '# task: Language Modelling',
      '# dataset: Penn Treebank (Word Level)',
      '# metric: Test perplexity',
      '# direction: lower-is-better (inferred: perplexity)',
      '# results: 38 (plotted: 38, missing date: 0, missing value: 0, missing both: 0)',
      'date,model,paper_title,value',
      '2014-09-08,Zaremba et al. (2014) - LSTM (large),Recurrent Neural Network Regularization,78.4',
      '2015-12-16,Gal & Ghahramani (2016) - Variational LSTM (large),A Theoretically Grounded Application of Dropout in Recurrent Neural Networks,75.2',
      '2016-07-12,Recurrent highway networks,Recurrent Highway Networks,65.4',
      '2016-11-05,NAS Cell,Neural Architecture Search with Reinforcement Learning,64',
      '2017-08-07,AWD-LSTM + continuous cache pointer,Regularizing and Optimizing LSTM Language Models,52.8',
      '2017-08-29,GL-LWGC + AWD-MoS-LSTM + dynamic eval,Gradual Learning of Recurrent Neural Networks,46.34',
      '2019-02-14,GPT-2,Language Models are Unsupervised Multitask Learners,35.76',
      '2019-10-17,BERT-Large-CAS,Language Models with Transformers,31.3',
      '2020-05-28,GPT-3 (Zero-Shot),Language Models are Few-Shot Learners,20.5'
    ])
  })

  it('quotes CSV fields, counts unplotted rows and honours a direction override', async () => {
    const imagenet = [EVALUATION_TABLES_2020, '--task', 'Image Classification', '--dataset', 'ImageNet']
    const { code, out } = await run([...imagenet, '--metric', 'Top 1 Accuracy'])
    expect(code).toBe(0)
    expect(out).toContain('# direction: higher-is-better (inferred: accuracy)')
    expect(out).toContain('# results: 199 (plotted: 195, missing date: 1, missing value: 3, missing both: 0)')
    expect(out).toContain(
      '2016-02-23,Inception ResNet V2,"Inception-v4, Inception-ResNet and the Impact of Residual Connections on Learning",80.1'
    )
    expect(out.at(-1)).toBe(
      '2020-03-18,FixEfficientNet-L2,Fixing the train-test resolution discrepancy: FixEfficientNet,88.5'
    )
    expect(out.filter((line) => !line.startsWith('#'))).toHaveLength(1 + 17)

    const reversed = await run([...imagenet, '--metric', 'Top 1 Accuracy', '--direction', 'lower-is-better'])
    expect(reversed.out).toContain('# direction: lower-is-better (override: leaderboard override)')
    expect(reversed.out[6]).toBe(
      '2012-12-01,AlexNet - 7CNNs,ImageNet Classification with Deep Convolutional Neural Networks,63.3'
    )
  })

  it('lists every task × dataset × metric with its inferred direction', async () => {
    const { code, out } = await run([EVALUATION_TABLES_2020, '--list'])
    expect(code).toBe(0)
    expect(out[0]).toBe('task,dataset,metric,direction,results')
    expect(out).toContain('Image Classification,ImageNet,Top 1 Accuracy,higher-is-better,199')
    expect(out).toContain('Image Classification,MNIST,Percentage error,lower-is-better,71')
    expect(out).toContain('Language Modelling,Penn Treebank (Word Level),Test perplexity,lower-is-better,38')
    // The 2,738 distinct leaderboards (copies under a second parent task are listed once) have
    // 4,507 metric columns in all, counted independently in the raw JSON.
    expect(out).toHaveLength(1 + 4_507)
  })

  it('explains what is missing and exits non-zero', async () => {
    const noDataset = await run([
      EVALUATION_TABLES_2020,
      '--task',
      'Image Classification',
      '--dataset',
      'ImageNot',
      '--metric',
      'Top 1 Accuracy'
    ])
    expect(noDataset.code).toBe(1)
    expect(noDataset.out).toEqual([])
    expect(noDataset.err[0]).toMatch(/has no dataset "ImageNot" \(it has: .*ImageNet;/)

    const usage = await run([EVALUATION_TABLES_2020, '--task', 'Image Classification'])
    expect(usage.code).toBe(2)
    expect(usage.err[0]).toBe('frontier: --task, --dataset and --metric are required (or --list)')

    const missingFile = await run(['/nonexistent/evaluation-tables.json.gz', '--list'])
    expect(missingFile.code).toBe(1)
    expect(missingFile.err[0]).toMatch(/^frontier: cannot read .*ENOENT/)
  })
})

describe('csvField', () => {
  it('quotes commas and quotes, and defuses spreadsheet formulas (real 2020 strings)', () => {
    expect(csvField('"Zero-Shot" Super-Resolution using Deep Internal Learning')).toBe(
      '"""Zero-Shot"" Super-Resolution using Deep Internal Learning"'
    )
    expect(csvField('ZFNet (ensemble, 6 convnets)')).toBe('"ZFNet (ensemble, 6 convnets)"')
    expect(csvField('++')).toBe("'++")
    expect(csvField('+ Unigram and bigram features')).toBe("'+ Unigram and bigram features")
    expect(csvField(-0.5)).toBe('-0.5')
    expect(csvField(null)).toBe('')
  })
})
