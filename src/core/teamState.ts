/**
 * The kernel state of a helper thread of a Hogwild team (team.ts): thread 0's weights and tables,
 * where thread 0 put them in the shared memory, plus scratch of its own (h, neu1e, the zero row,
 * its generator, the pair lists, the sentence buffers and a WebAssembly io block), cut from its
 * region of the same memory. Both kernels work on it unchanged: their row offsets count floats
 * from the start of `mem`, and `mem` here is a view stretched from thread 0's weights to the end
 * of the helper's region, so its h, neu1e and zero row lie inside it.
 */
import { carveHot, type HotRows, type HotShape } from './hotRows';
import { createKernel, type KernelBackend, type KernelMemory } from './kernel';
import { ArenaCarver } from './kernelArena';
import { IO_SIZE, MAX_NEGATIVES, type KernelState } from './kernelState';
import { teamControl, teamControlBytes, type TeamControl } from './team';
import type { TrainConfig } from './types';

/** A memory every thread of a team can see; `handle` is what a helper needs to `attach` it. */
export interface SharedKernelMemory extends KernelMemory {
  readonly handle: unknown;
}

/** A kernel backend whose memory can be shared between threads. */
export interface SharedKernelBackend extends KernelBackend {
  memory(bytes: number): SharedKernelMemory;
  /**
   * Another thread's view of a memory made by `memory` (its `handle`); a kernel it makes for a
   * helper's state (`threadState`) keeps its io block in that state's region.
   */
  attach(handle: unknown): KernelMemory;
}

/** The TypeScript kernel over a SharedArrayBuffer (tests; and where WebAssembly is missing). */
export const SHARED_TS_KERNEL: SharedKernelBackend = {
  id: 'ts',
  memory(bytes) {
    const buffer = new SharedArrayBuffer(bytes);
    return { buffer, byteOffset: 0, handle: buffer, kernel: (st) => createKernel(st) };
  },
  attach: (handle) => ({
    buffer: handle as SharedArrayBuffer,
    byteOffset: 0,
    kernel: (st) => createKernel(st),
  }),
};

/** Where thread 0's shared arrays are, in plain numbers a worker message can carry. */
export interface SharedLayout {
  readonly dim: number;
  readonly words: number;
  readonly outRows: number;
  readonly isCbow: boolean;
  readonly isCbowExact: boolean;
  readonly loss: number;
  readonly isPipelined: boolean;
  /** Byte offset of `mem`, and the float offset of the output rows in it. */
  readonly memAt: number;
  readonly outBase: number;
  /** [byte offset, length] of the noise table, alias, Huffman offsets, points and codes. */
  readonly noiseProb: [number, number];
  readonly noiseAlias: [number, number];
  readonly offsets: [number, number];
  readonly points: [number, number];
  readonly codes: [number, number];
  /** Lengths of the pair scratch and of the sentence buffers. */
  readonly scratch: number;
  readonly span: number;
}

/** Everything a helper thread needs besides the corpus and the memory (a worker message). */
export interface HelperSetup {
  thread: number;
  threads: number;
  config: TrainConfig;
  blocks: Int32Array;
  /** Byte offsets of the control block and of this helper's region. */
  controlAt: number;
  regionAt: number;
  layout: SharedLayout;
  /** The helper's generator state (its own stream, from the seed and its number). */
  rng: Uint32Array;
}

/** The 32-bit seed of helper t's generator (t ≥ 1; thread 0 keeps the run's own). */
export function threadSeed(seed: number, t: number): number {
  return (Math.trunc(seed) ^ Math.imul(t, 0x9e3779b9)) >>> 0;
}

const where = (a: ArrayBufferView & { length: number }): [number, number] => [
  a.byteOffset,
  a.length,
];

/** The layout of thread 0's state `st` (a stream-mode state in shared memory). */
export function sharedLayout(st: KernelState): SharedLayout {
  return {
    dim: st.dim,
    words: st.words,
    outRows: st.outRows,
    isCbow: st.isCbow,
    isCbowExact: st.isCbowExact,
    loss: st.loss,
    isPipelined: st.isPipelined,
    memAt: st.mem.byteOffset,
    outBase: st.outBase,
    noiseProb: where(st.noiseProb),
    noiseAlias: where(st.noiseAlias),
    offsets: where(st.offsets),
    points: where(st.points),
    codes: where(st.codes),
    scratch: Math.max(st.rows.length, MAX_NEGATIVES + 1),
    span: st.sen.length,
  };
}

/** What sizes a helper's region. */
export type ScratchSizes = Pick<
  SharedLayout,
  'dim' | 'scratch' | 'span' | 'words' | 'outRows' | 'loss'
>;

/** A helper's own arrays, cut in a fixed order (null carver arena: only counts the bytes). */
function carveScratch(layout: ScratchSizes, c: ArenaCarver) {
  const { dim: D, scratch, span } = layout;
  const list = MAX_NEGATIVES + 1;
  return {
    h: c.f32(D),
    neu: c.f32(D),
    zero: c.f32(D),
    rng: c.u32(4),
    rows: c.i32(scratch),
    scores: c.f64(scratch),
    gs: c.f64(scratch),
    ids: c.i32(list),
    counts: c.i32(list),
    nextIds: c.i32(list),
    nextCounts: c.i32(list),
    nextRows: c.i32(list),
    nextScores: c.f64(list),
    cursor: c.i32(4),
    sen: c.i32(span),
    senT: c.i32(span),
    io: c.f64(IO_SIZE),
    hot: carveHot(layout, c),
  };
}

/** Bytes of one helper's region (a multiple of 16). */
export function threadScratchBytes(layout: ScratchSizes): number {
  const carver = new ArenaCarver(null);
  carveScratch(layout, carver);
  return carver.bytes;
}

/**
 * A helper's kernel state, plus the io block and the hot-row copies (hotRows.ts) a WebAssembly
 * kernel of this thread uses.
 */
export type ThreadState = KernelState & { readonly io: Float64Array; readonly hot: HotRows };

/**
 * The state of a helper whose region starts at byte `regionAt` of `buffer` (zero-filled). The
 * generator starts from `rng` (copied).
 */
export function threadState(
  layout: SharedLayout,
  buffer: ArrayBufferLike,
  regionAt: number,
  rng: Uint32Array,
): ThreadState {
  const own = carveScratch(layout, new ArenaCarver({ buffer, byteOffset: regionAt }));
  const { memAt, outBase, outRows, dim: D } = layout;
  const end = regionAt + threadScratchBytes(layout);
  const mem = new Float32Array(buffer, memAt, (end - memAt) / 4);
  const base = (a: Float32Array): number => (a.byteOffset - memAt) / 4;
  const view = <T>(make: new (b: ArrayBufferLike, at: number, n: number) => T, [at, n]: number[]) =>
    new make(buffer, at!, n!);
  own.rng.set(rng.subarray(0, 4));
  return {
    ...own,
    dim: D,
    words: layout.words,
    outRows,
    isCbow: layout.isCbow,
    isCbowExact: layout.isCbowExact,
    loss: layout.loss,
    isPipelined: layout.isPipelined,
    mem,
    outBase,
    hBase: base(own.h),
    neuBase: base(own.neu),
    zeroBase: base(own.zero),
    gradCenterBase: -1,
    gradOutBase: -1,
    centerVecs: mem.subarray(0, outBase),
    outVecs: mem.subarray(outBase, outBase + outRows * D),
    gradCenter: mem.subarray(0, 0),
    gradOut: mem.subarray(0, 0),
    noiseProb: view(Float64Array, layout.noiseProb),
    noiseAlias: view(Int32Array, layout.noiseAlias),
    offsets: view(Int32Array, layout.offsets),
    points: view(Int32Array, layout.points),
    codes: view(Uint8Array, layout.codes),
    batch: null,
  };
}

/** Bytes of a thread's hot-row copies (hotRows.ts). */
function hotBytes(shape: HotShape): number {
  const carver = new ArenaCarver(null);
  carveHot(shape, carver);
  return carver.bytes;
}

/**
 * A backend that gives the engine the shared memory with, after its state, the team's control
 * block, thread 0's hot-row copies and `helperBytes` more bytes (the helpers' regions, from
 * `helpersAt` on); it remembers where they start and which state the engine laid out, and gives
 * thread 0's kernel its hot copies.
 */
export function layOutTeam(kernel: SharedKernelBackend, helperBytes: number, shape: HotShape) {
  const controlBytes = teamControlBytes();
  const hotAt = controlBytes;
  const helpersAt = controlBytes + hotBytes(shape);
  let memory: SharedKernelMemory | null = null;
  let at = 0;
  let control: TeamControl | null = null;
  let state: KernelState | null = null;
  const backend: KernelBackend = {
    id: kernel.id,
    memory(bytes) {
      const m = kernel.memory(bytes + helpersAt + helperBytes);
      memory = m;
      at = m.byteOffset + bytes;
      control = teamControl(m.buffer, at);
      const hot = carveHot(shape, new ArenaCarver({ buffer: m.buffer, byteOffset: at + hotAt }));
      return { ...m, kernel: (st) => m.kernel({ ...(state = st), hot } as KernelState) };
    },
  };
  return {
    backend,
    control: (): TeamControl => control!,
    result: () => ({ memory: memory!, at, helpersAt: at + helpersAt, state: state! }),
  };
}
