/**
 * Where the kernel state lives in linear memory, set once by `init` (JS: src/worker/wasmKernel.ts
 * passes the byte addresses of the KernelState's typed arrays, which it laid out in this very
 * memory). Addresses are in bytes; row offsets of the TypeScript kernel are in floats.
 */

/** d, bytes per row (4d) and the bytes of a row covered by whole 4-lane vectors. */
export let D: i32 = 0;
export let rowBytes: usize = 0;
export let vecBytes: usize = 0;
/** Centre row 0, output row 0, h, neu1e and the zero row. */
export let centrePtr: usize = 0;
export let outPtr: usize = 0;
export let hPtr: usize = 0;
export let neuPtr: usize = 0;
export let zeroPtr: usize = 0;
/** Minibatch accumulators minus the rows they shadow (0 when absent): acc(row) = row + shift. */
export let gradCentreShift: usize = 0;
export let gradOutShift: usize = 0;
/** Rows of the output matrix; 0 = NS, 1 = HS, 2 = softmax; CBOW; CBOW's exact rule. */
export let outRows: i32 = 0;
export let loss: i32 = 0;
export let isCbow: bool = false;
export let isCbowExact: bool = false;
/** Skip-gram/NS in stream mode takes the pipelined loop (pipelined.ts); else the plain one. */
export let isPipelined: bool = true;
/** Noise alias table (f64 prob, i32 alias, W entries). */
export let probPtr: usize = 0;
export let aliasPtr: usize = 0;
/** W / 2^32: a uint32 draw times this is a uniform position in the alias table. */
export let noiseScale: f64 = 0;
/** Huffman paths in CSR form: i32 offsets, i32 points, u8 codes. */
export let offsetsPtr: usize = 0;
export let pointsPtr: usize = 0;
export let codesPtr: usize = 0;
/** xoshiro128** state (4 × u32). */
export let rngPtr: usize = 0;
/** Pair scratch: row addresses (i32), scores and step coefficients (f64), NS ids and counts (i32). */
export let rowsPtr: usize = 0;
export let scoresPtr: usize = 0;
export let gsPtr: usize = 0;
export let idsPtr: usize = 0;
export let countsPtr: usize = 0;
/** The same lists for the next pair, drawn ahead by the pipelined skip-gram loop. */
export let nextRowsPtr: usize = 0;
export let nextIdsPtr: usize = 0;
export let nextCountsPtr: usize = 0;
/** 16-byte aligned scratch for up to six 4-lane splats (updates.ts). */
export let splatPtr: usize = 0;
/** σ / log σ table, interleaved (f64), as in sigmoidTable.ts. */
export let sigmoidPtr: usize = 0;

/** Makes the next pair's lists the current ones and the other way round (no copying). */
export function swapTargets(): void {
  const rows = rowsPtr;
  const ids = idsPtr;
  const counts = countsPtr;
  rowsPtr = nextRowsPtr;
  idsPtr = nextIdsPtr;
  countsPtr = nextCountsPtr;
  nextRowsPtr = rows;
  nextIdsPtr = ids;
  nextCountsPtr = counts;
}

/** Dimensions and flags; then `initPointers`. */
export function initShape(
  dim: i32,
  rows: i32,
  lossCode: i32,
  cbow: bool,
  cbowExact: bool,
  pipelined: bool,
  words: i32,
): void {
  D = dim;
  rowBytes = (<usize>dim) << 2;
  vecBytes = (<usize>(dim & ~3)) << 2;
  outRows = rows;
  loss = lossCode;
  isCbow = cbow;
  isCbowExact = cbowExact;
  isPipelined = pipelined;
  noiseScale = <f64>words / 4294967296.0;
}

/** Byte addresses of the state's arrays (see KernelState); shifts are byte differences. */
export function initPointers(
  mem: usize,
  outBase: i32,
  hBase: i32,
  neuBase: i32,
  zeroBase: i32,
  gradCentreBase: i32,
  gradOutBase: i32,
  prob: usize,
  alias: usize,
  offsets: usize,
  points: usize,
  codes: usize,
  rng: usize,
  rows: usize,
  scores: usize,
  gs: usize,
  ids: usize,
  counts: usize,
  nextRows: usize,
  nextIds: usize,
  nextCounts: usize,
  sigmoid: usize,
  splats: usize,
): void {
  centrePtr = mem;
  outPtr = mem + ((<usize>outBase) << 2);
  hPtr = mem + ((<usize>hBase) << 2);
  neuPtr = mem + ((<usize>neuBase) << 2);
  zeroPtr = mem + ((<usize>zeroBase) << 2);
  gradCentreShift = gradCentreBase < 0 ? 0 : (<usize>gradCentreBase) << 2;
  gradOutShift = gradOutBase < 0 ? 0 : (<usize>(gradOutBase - outBase)) << 2;
  probPtr = prob;
  aliasPtr = alias;
  offsetsPtr = offsets;
  pointsPtr = points;
  codesPtr = codes;
  rngPtr = rng;
  rowsPtr = rows;
  scoresPtr = scores;
  gsPtr = gs;
  idsPtr = ids;
  countsPtr = counts;
  nextRowsPtr = nextRows;
  nextIdsPtr = nextIds;
  nextCountsPtr = nextCounts;
  splatPtr = splats;
  sigmoidPtr = sigmoid;
}
