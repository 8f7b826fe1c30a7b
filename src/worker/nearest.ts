/**
 * Nearest-neighbour queries on the running model. The unit-length rows are cached until the model
 * next changes, since the page asks for several words at each refresh.
 */
import { nearestNeighbors, normalizeRows } from '../core/neighbors';
import type { Engine, Vocab } from '../core/types';
import type { NearestResult, VectorChoice } from './protocol';
import type { Run } from './run';

/** The chosen vectors as one W×d' matrix: v, u, or [v ; u] row by row (d' = 2d). */
function vectorsOf(engine: Engine, vectors: VectorChoice): { vecs: Float32Array; d: number } {
  const { centerVecs, outsideVecs } = engine;
  const d = engine.config.dim;
  if (!outsideVecs || vectors === 'center') return { vecs: centerVecs, d };
  if (vectors === 'outside') return { vecs: outsideVecs, d };
  const words = centerVecs.length / d;
  const both = new Float32Array(2 * centerVecs.length);
  for (let w = 0; w < words; w++) {
    both.set(centerVecs.subarray(w * d, (w + 1) * d), 2 * w * d);
    both.set(outsideVecs.subarray(w * d, (w + 1) * d), (2 * w + 1) * d);
  }
  return { vecs: both, d: 2 * d };
}

export function createNearestCache() {
  let cached: {
    run: Run;
    units: number;
    vectors: VectorChoice;
    unit: Float32Array;
    d: number;
  } | null = null;

  return {
    /** The k words nearest to `word` (trimmed, lower-cased); null neighbours if it is unknown. */
    query(
      run: Run | null,
      vocab: Vocab | undefined,
      word: string,
      k: number,
      vectors: VectorChoice,
    ): NearestResult {
      const id = vocab?.index.get(word.trim().toLowerCase());
      if (!run || !vocab || id === undefined) return { word, neighbors: null };
      const c = cached;
      if (!c || c.run !== run || c.units !== run.unitsDone || c.vectors !== vectors) {
        const { vecs, d } = vectorsOf(run.engine, vectors);
        cached = { run, units: run.unitsDone, vectors, unit: normalizeRows(vecs, d), d };
      }
      const { unit, d } = cached!;
      const found = nearestNeighbors(unit, d, id, k);
      return {
        word,
        neighbors: found.map((n) => ({ word: vocab.words[n.id]!, similarity: n.similarity })),
      };
    },
  };
}
