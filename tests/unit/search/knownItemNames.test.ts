import { describe, expect, it } from 'vitest'
import { KnownItemNames, nameKey } from '../../../src/shared/search/knownItemNames'
import { parseQuery } from '../../../src/shared/search/queryParser'

// Real titles and leaderboard model names of the 2020 evaluation tables.
const RESNET = {
  id: 'deep-residual-learning-for-image-recognition',
  title: 'Deep Residual Learning for Image Recognition',
  date: '2015-12-10',
  models: ['ResNet-50', 'ResNet101 65.1']
}
const RESNET_BASELINE = {
  id: 'an-integral-pose-regression-system-for-the',
  title: 'An Integral Pose Regression System for the ECCV2018 PoseTrack Challenge',
  date: '2018-09-17',
  models: ['ResNet']
}
const ESIM = {
  id: 'enhanced-lstm-for-natural-language-inference',
  title: 'Enhanced LSTM for Natural Language Inference',
  date: '2016-09-20',
  models: ['600D ESIM + 300D Syntactic TreeLSTM']
}
const BERT = {
  id: 'bert-pre-training-of-deep-bidirectional',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  date: '2018-10-11',
  models: []
}

function boosts(names: KnownItemNames, query: string): Map<string, number> {
  return names.boostsFor(parseQuery(query))
}

describe('KnownItemNames', () => {
  it('compares names as the analyzer cuts words', () => {
    expect(nameKey('EfficientNet-B7')).toBe(nameKey('efficientnet b7'))
    expect(nameKey('Mask R-CNN')).toBe('mask r cnn')
  })

  it('knows a paper by its title’s short name, and not by a long title before a colon', () => {
    const names = KnownItemNames.empty()
    names.add(BERT)
    names.add({ id: 'x', title: 'Deep learning for all of the things we know: a survey', date: null })
    expect(boosts(names, 'bert').get(BERT.id)).toBe(100)
    expect(boosts(names, 'deep learning for all of the things we know').size).toBe(0)
  })

  it('gives a model name to its earliest paper first, whichever variant its rows use', () => {
    const names = KnownItemNames.empty()
    names.add(RESNET_BASELINE)
    names.add(RESNET)
    const resnet = boosts(names, 'resnet')
    expect(resnet.get(RESNET.id)).toBe(50)
    expect(resnet.get(RESNET_BASELINE.id)).toBe(20)
    // A size before the name does not hide it.
    names.add(ESIM)
    expect(boosts(names, 'esim').get(ESIM.id)).toBe(50)
    expect(boosts(names, 'ResNet-50').get(RESNET.id)).toBe(50)
  })

  it('boosts nothing for words that name no paper, or for negated words', () => {
    const names = KnownItemNames.empty()
    names.add(RESNET)
    expect(boosts(names, 'residual').size).toBe(0)
    expect(boosts(names, '-resnet').size).toBe(0)
  })

  it('survives serialization', () => {
    const names = KnownItemNames.empty()
    for (const paper of [RESNET, ESIM, BERT]) names.add(paper)
    const restored = KnownItemNames.deserialize(names.serialize())
    expect(restored.size).toBe(names.size)
    expect(boosts(restored, 'resnet')).toEqual(boosts(names, 'resnet'))
  })
})
