/**
 * Queries on trained vectors: cosine nearest neighbours and 3CosAdd analogies.
 *
 * All functions take a row-major W×d `Float32Array` of unit rows (from `normalizeRows`), so that
 * cosine similarity is one dot product per word: cos(x, w) = x̂ · ŵ. Dot products accumulate in
 * float64. The top k are kept in a size-k min-heap (O(W log k)), not by sorting all W scores.
 */

/** One query result: a word id and its cosine similarity to the query. */
export interface Neighbor {
  id: number;
  similarity: number;
}

/**
 * Returns a copy of `vecs` (W×d, row-major) with every row scaled to unit Euclidean length,
 * x̂_w = x_w / ‖x_w‖₂. Rows of norm 0 stay zero (their cosine with anything is then 0).
 * Not in place; the input is unchanged.
 */
export function normalizeRows(vecs: Float32Array, d: number): Float32Array {
  checkShape(vecs, d);
  const out = new Float32Array(vecs.length);
  for (let row = 0; row < vecs.length; row += d) {
    let sumSq = 0;
    for (let j = 0; j < d; j++) sumSq += vecs[row + j]! * vecs[row + j]!;
    if (sumSq === 0) continue;
    const scale = 1 / Math.sqrt(sumSq);
    for (let j = 0; j < d; j++) out[row + j] = vecs[row + j]! * scale;
  }
  return out;
}

/** Throws unless vecs holds a whole number of rows of length d ≥ 1. */
function checkShape(vecs: Float32Array, d: number): void {
  if (!Number.isInteger(d) || d < 1)
    throw new Error(`dimension must be a positive integer, got ${d}`);
  if (vecs.length % d !== 0)
    throw new Error(`vector array length ${vecs.length} is not a multiple of d = ${d}`);
}

/**
 * A fixed-capacity min-heap of (similarity, id): the root is the worst of the best k seen.
 * "Worse" means lower similarity, or equal similarity and higher id, so results are
 * deterministic: ties rank the lower (more frequent) id first.
 */
class TopK {
  private readonly sims: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.sims = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  /** True when (sa, ia) ranks below (sb, ib). */
  private static worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  offer(sim: number, id: number): void {
    if (this.size < this.k) {
      // Sift the new entry up from the last leaf.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(sim, id, this.sims[parent]!, this.ids[parent]!)) break;
        this.sims[i] = this.sims[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.sims[i] = sim;
      this.ids[i] = id;
    } else if (this.k > 0 && TopK.worse(this.sims[0]!, this.ids[0]!, sim, id)) {
      this.replaceRoot(sim, id);
    }
  }

  /** Replaces the root and sifts it down. */
  private replaceRoot(sim: number, id: number): void {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (
        right < this.size &&
        TopK.worse(this.sims[right]!, this.ids[right]!, this.sims[child]!, this.ids[child]!)
      ) {
        child = right;
      }
      if (!TopK.worse(this.sims[child]!, this.ids[child]!, sim, id)) break;
      this.sims[i] = this.sims[child]!;
      this.ids[i] = this.ids[child]!;
      i = child;
    }
    this.sims[i] = sim;
    this.ids[i] = id;
  }

  /** The kept entries, best first. */
  sorted(): Neighbor[] {
    const out: Neighbor[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i]!, similarity: this.sims[i]! });
    return out.sort((x, y) => (TopK.worse(x.similarity, x.id, y.similarity, y.id) ? 1 : -1));
  }
}

/**
 * The k words most similar to a query by cosine: argmax-k over w of ŵ · q̂.
 *
 * @param unitVecs - W×d row-major unit rows (see `normalizeRows`)
 * @param query - a word id (its row is the query), or a d-vector (normalised here; a zero vector
 *   gives similarity 0 for every word)
 * @param k - how many to return (fewer when fewer candidates remain)
 * @param exclude - ids never returned; for an id query it defaults to [query], pass [] to keep it
 * @param limit - search only rows 0 … limit−1 (the most frequent words, as the vocabulary is
 *   sorted by count; gensim's `restrict_vocab`); default W
 * @returns best first; ties by lower id. Rows whose similarity is NaN are never returned.
 */
export function nearestNeighbors(
  unitVecs: Float32Array,
  d: number,
  query: Float32Array | number,
  k: number,
  exclude?: ArrayLike<number>,
  limit?: number,
): Neighbor[] {
  checkShape(unitVecs, d);
  const W = unitVecs.length / d;
  const q = queryVector(unitVecs, d, query);
  const excluded = new Set<number>(
    Array.from(exclude ?? (typeof query === 'number' ? [query] : [])),
  );
  const rows = Math.min(W, limit ?? W);
  const top = new TopK(Math.max(0, Math.min(Math.floor(k), rows)));
  for (let w = 0; w < rows; w++) {
    if (excluded.has(w)) continue;
    let sim = 0;
    const row = w * d;
    for (let j = 0; j < d; j++) sim += unitVecs[row + j]! * q[j]!;
    if (sim === sim) top.offer(sim, w);
  }
  return top.sorted();
}

/** The unit query vector as float64: row `query` of unitVecs, or the given vector normalised. */
function queryVector(
  unitVecs: Float32Array,
  d: number,
  query: Float32Array | number,
): Float64Array {
  if (typeof query === 'number') {
    const W = unitVecs.length / d;
    if (!Number.isInteger(query) || query < 0 || query >= W)
      throw new Error(`word id ${query} out of range 0…${W - 1}`);
    return Float64Array.from(unitVecs.subarray(query * d, query * d + d));
  }
  if (query.length !== d) throw new Error(`query has length ${query.length}, expected d = ${d}`);
  const q = Float64Array.from(query);
  let sumSq = 0;
  for (let j = 0; j < d; j++) sumSq += q[j]! * q[j]!;
  const scale = sumSq > 0 ? 1 / Math.sqrt(sumSq) : 0;
  for (let j = 0; j < d; j++) q[j]! *= scale;
  return q;
}

/**
 * Analogy "a is to b as c is to ?" by 3CosAdd (word2vec.c `word-analogy`, gensim
 * `most_similar(positive=[b, c], negative=[a])`): the words nearest by cosine to
 * x = (b̂ − â + ĉ) / ‖b̂ − â + ĉ‖, with a, b and c themselves excluded.
 *
 * @param unitVecs - W×d row-major unit rows
 * @param a - id of a; b, c likewise
 * @param limit - search only the first `limit` rows (see `nearestNeighbors`)
 * @returns the k best candidates, best first, with their cosine to x
 */
export function analogy(
  unitVecs: Float32Array,
  d: number,
  a: number,
  b: number,
  c: number,
  k: number,
  limit?: number,
): Neighbor[] {
  checkShape(unitVecs, d);
  const W = unitVecs.length / d;
  for (const id of [a, b, c]) {
    if (!Number.isInteger(id) || id < 0 || id >= W)
      throw new Error(`word id ${id} out of range 0…${W - 1}`);
  }
  const target = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    target[j] = unitVecs[b * d + j]! - unitVecs[a * d + j]! + unitVecs[c * d + j]!;
  }
  return nearestNeighbors(unitVecs, d, target, k, [a, b, c], limit);
}
