/**
 * `npm run bench -- --all`: every model × loss (stream mode unless --mode says otherwise) with
 * each kernel, one epoch (unless --epochs) and at most --seconds (10) each, as one table.
 */
import type { LossId, ModelId, TrainConfig } from '../src/core/types';

/** One measured run of the table. */
export interface TableRow {
  model: ModelId;
  loss: LossId;
  kernel: string;
  trainSeconds: number;
  words: number;
  wordsPerSecond: number | null;
  wordsPerCpuSecond: number | null;
  iterationsPerSecond: number | null;
  finalLoss: number;
  diverged: boolean;
}

const MODELS: ModelId[] = ['skipgram', 'cbow'];
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];

/** The flags' configuration once per model × loss; one epoch unless --epochs was given. */
export function tableConfigs(fromFlags: () => TrainConfig, isOneEpoch: boolean): TrainConfig[] {
  const base = fromFlags();
  const epochs = isOneEpoch ? 1 : base.epochs;
  return MODELS.flatMap((model) => LOSSES.map((loss) => ({ ...base, model, loss, epochs })));
}

function cell(value: string | number | null, width: number): string {
  return String(value ?? '—').padStart(width);
}

/** Prints the rows, with each kernel's speed relative to the first kernel of its model × loss. */
export function printTable(
  stats: { corpus: string; tokens: number; vocabSize: number },
  rows: TableRow[],
): void {
  console.log(`corpus ${stats.corpus}: ${stats.tokens} tokens, ${stats.vocabSize} words`);
  const header = [
    'model',
    'loss',
    'kernel',
    'words/s',
    'per CPU s',
    'speed-up',
    'words',
    's',
    'loss',
  ];
  const widths = [9, 8, 7, 10, 10, 9, 10, 7, 8];
  console.log(header.map((h, i) => cell(h, widths[i]!)).join(' '));
  for (const row of rows) {
    const first = rows.find((r) => r.model === row.model && r.loss === row.loss)!;
    const rate = row.wordsPerSecond ?? row.iterationsPerSecond;
    const firstRate = first.wordsPerSecond ?? first.iterationsPerSecond;
    const speedUp = rate !== null && firstRate ? `${(rate / firstRate).toFixed(2)}×` : null;
    const values = [
      row.model,
      row.loss,
      row.kernel,
      rate,
      row.wordsPerCpuSecond,
      speedUp,
      row.words,
      row.trainSeconds,
      row.diverged ? 'DIVERGED' : row.finalLoss.toFixed(3),
    ];
    console.log(values.map((v, i) => cell(v, widths[i]!)).join(' '));
  }
}
