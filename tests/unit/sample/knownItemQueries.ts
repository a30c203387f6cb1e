/**
 * Known-item queries: a paper's short name or a model name its leaderboard rows use, and the
 * paper a researcher typing it wants (bundled sample ids).
 *
 * The first set was chosen before the ranking was measured on it; one miss there ("esim", 9th:
 * its paper's rows say "600D ESIM") changed how a model name's family is read. The second set was
 * chosen after that change and measured once, untuned.
 */
export const KNOWN_ITEM_QUERIES: readonly { query: string; paperId: string }[] = [
  { query: 'bert', paperId: 'bert-pre-training-of-deep-bidirectional' },
  { query: 'resnet', paperId: 'deep-residual-learning-for-image-recognition' },
  { query: 'EfficientNet-B7', paperId: 'efficientnet-rethinking-model-scaling-for' },
  { query: 'xlnet', paperId: 'xlnet-generalized-autoregressive-pretraining' },
  { query: 'roberta', paperId: 'roberta-a-robustly-optimized-bert-pretraining' },
  { query: 'yolov3', paperId: 'yolov3-an-incremental-improvement' },
  { query: 'mask r-cnn', paperId: 'mask-r-cnn' },
  { query: 'densenet', paperId: 'densely-connected-convolutional-networks' },
  { query: 'transformer-xl', paperId: 'transformer-xl-attentive-language-models' },
  { query: 'elmo', paperId: 'deep-contextualized-word-representations' },
  { query: 'albert', paperId: 'albert-a-lite-bert-for-self-supervised' },
  { query: 'faster r-cnn', paperId: 'faster-r-cnn-towards-real-time-object' },
  { query: 'inception-v4', paperId: 'inception-v4-inception-resnet-and-the-impact' },
  { query: 'deeplabv3+', paperId: 'encoder-decoder-with-atrous-separable' },
  { query: 'pointnet++', paperId: 'pointnet-deep-hierarchical-feature-learning' },
  { query: 'ssd', paperId: 'ssd-single-shot-multibox-detector' },
  { query: 'u-net', paperId: 'u-net-convolutional-networks-for-biomedical' },
  { query: 'mobilenetv2', paperId: 'mobilenetv2-inverted-residuals-and-linear' },
  { query: 'esim', paperId: 'enhanced-lstm-for-natural-language-inference' },
  { query: 'retinanet', paperId: 'focal-loss-for-dense-object-detection' }
]

export const LATER_KNOWN_ITEM_QUERIES: readonly { query: string; paperId: string }[] = [
  { query: 'resnext', paperId: 'aggregated-residual-transformations-for-deep' },
  { query: 'bidaf', paperId: 'bidirectional-attention-flow-for-machine' },
  { query: 'drqa', paperId: 'reading-wikipedia-to-answer-open-domain' },
  { query: 'gnmt', paperId: 'googles-neural-machine-translation-system' },
  { query: 'wavenet', paperId: 'wavenet-a-generative-model-for-raw-audio' },
  { query: 'nasnet', paperId: 'learning-transferable-architectures-for' },
  { query: 'fpn', paperId: 'feature-pyramid-networks-for-object-detection' },
  { query: 'transformer', paperId: 'attention-is-all-you-need' },
  { query: 'vgg', paperId: 'very-deep-convolutional-networks-for-large' },
  { query: 'senet', paperId: 'squeeze-and-excitation-networks' },
  { query: 'xception', paperId: 'xception-deep-learning-with-depthwise-1' },
  { query: 'shufflenet', paperId: 'shufflenet-an-extremely-efficient' },
  { query: 'cascade r-cnn', paperId: 'cascade-r-cnn-delving-into-high-quality' },
  { query: 'centernet', paperId: 'objects-as-points' },
  { query: 'darts', paperId: 'darts-differentiable-architecture-search' },
  { query: 'spanbert', paperId: 'spanbert-improving-pre-training-by' },
  { query: 'ernie', paperId: 'ernie-enhanced-representation-through' },
  { query: 't5', paperId: 'exploring-the-limits-of-transfer-learning' }
]
