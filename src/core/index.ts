/**
 * The word2vec engine: pure TypeScript, no DOM, identical in Node and in a Web Worker.
 *
 * Notation (MATH.md): W words, d dimensions; v_w centre vectors (`centerVecs`, W×d), u_w outside
 * vectors (`outsideVecs`, W×d), θ_n Huffman inner-node vectors (`nodeVecs`, (W−1)×d). Matrices are
 * row-major, one word per row. The teaching API works in float64 and returns every gradient; the
 * training engine works in float32, in place.
 */

// Shared types.
export type * from './types';

// Randomness: the one seeded generator.
export { createRng } from './rng';
export type { Rng } from './rng';

// Corpus: tokenising, vocabulary, the CS224n/SST format.
export {
  tokenize,
  buildCorpus,
  corpusFromText,
  createVocab,
  isSstFormat,
  parseSstSentences,
  corpusStats,
} from './corpus';
export type { CorpusOptions, TokenizeOptions, CorpusStats } from './corpus';

// Sampling: noise distribution, sub-sampling, random window radius.
export {
  buildNoiseTable,
  drawNoise,
  keepThresholds,
  keepToken,
  rejectProbabilities,
  drawRadius,
  buildAliasTable,
  noiseAliasTable,
  drawAlias,
  NOISE_TABLE_SIZE,
  NOISE_POWER,
} from './sampling';
export type { AliasTable } from './sampling';

// Teaching API (float64): the functions of the CS224n assignment.
export {
  sigmoid,
  logSigmoid,
  logSumExp,
  softmax,
  softmaxInPlace,
  leakyRelu,
  leakyReluGrad,
} from './activations';
export type { PairLoss, PairLossResult } from './pairLoss';
export { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
export { negSamplingLossAndGradient } from './negSampling';
export { hierarchicalSoftmaxLossAndGradient } from './hierarchicalSoftmax';
export { buildHuffmanTree } from './huffman';
export { skipgram, cbow, withNegatives, withTree } from './windowModels';
export type { WindowLossResult } from './windowModels';
export { gradcheck } from './gradcheck';
export type { Objective, GradcheckOptions, GradcheckResult } from './gradcheck';
export { sgd } from './sgd';
export type { SgdOptions, SgdProgress, SgdResult } from './sgd';
export { project2d, gatherRows, gatherConcatRows } from './projection';
export type { Projection } from './projection';
export { symmetricEigen } from './symmetricEigen';
export type { SymmetricEigen } from './symmetricEigen';

// Training engine (float32, in place, resumable).
export { createEngine } from './engine';
export { defaultConfig, validateConfig, validateLive, DEFAULT_LR } from './engineConfig';

// Queries and the word2vec text format.
export { normalizeRows, nearestNeighbors, analogy } from './neighbors';
export type { Neighbor } from './neighbors';
export { writeWord2vecText, readWord2vecText, formatFloat32 } from './word2vecFormat';
export type { Word2vecText } from './word2vecFormat';

// Evaluation: word similarity (Spearman) and analogies.
export {
  parseWordPairs,
  parseAnalogies,
  rankWithTies,
  pearson,
  spearman,
  evaluateSimilarity,
  evaluateAnalogies,
} from './evaluation';
export type {
  WordPair,
  AnalogyQuestion,
  EvalModel,
  SimilarityResult,
  AnalogyResult,
  AnalogyCounts,
} from './evaluation';

// Inspecting one training example (the live derivation panels): every number, in float64.
export {
  SKIPPED,
  createExampleSampler,
  drawExample,
  pairCount,
  pairTarget,
  pairNegatives,
} from './inspect/example';
export type { TrainingExample, ExampleSettings, ExampleSampler } from './inspect/example';
export { traceExample } from './inspect/trace';
export type {
  InspectWeights,
  TraceOptions,
  TraceSchedule,
  ExampleTrace,
  PairTrace,
  RowChange,
} from './inspect/trace';
export type {
  PairScoring,
  NsScoring,
  HsScoring,
  SoftmaxScoring,
  RankedWord,
} from './inspect/pairTrace';
export { traceStages } from './inspect/stages';
export { samplingTable } from './inspect/samplingTable';
export type { SamplingTableRow } from './inspect/samplingTable';
export type { TraceStage, StageId } from './inspect/stages';
export { gradcheckExample } from './inspect/gradcheckExample';
export type {
  BreakMode,
  ExampleGradcheck,
  CheckedRow,
  GradcheckExampleOptions,
} from './inspect/gradcheckExample';
