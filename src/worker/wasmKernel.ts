/**
 * The WebAssembly SIMD kernel (wasm/*.ts, built to public/generated/kernel.wasm by
 * scripts/build-wasm.mjs) as a KernelBackend for `createEngine`. Each engine gets its own
 * WebAssembly.Memory, sized once for its KernelState and never grown (growing would detach the
 * state's typed arrays), and its own instance of the compiled module. Memory map:
 *
 *   [ unused: 1 KiB | σ / log σ table | io block | example scratch: ctx, negatives | arena ]
 *
 * The arena holds the whole KernelState (kernelArena.ts), so the TypeScript side (sub-sampling,
 * minibatch plans, the derivation panels' reads) and the module work on the same bytes. The
 * memory is imported by the module; for a Hogwild team (core/teamEngine.ts) it is a shared one,
 * run by the shared build (kernel-shared.wasm), each helper worker with an instance of its own.
 */
import type { Kernel, KernelBackend, KernelMemory } from '../core/kernel';
import { createKernel, IO_NEGATIVES, IO_SIZE } from '../core/kernel';
import type { KernelState } from '../core/kernelState';
import type { SharedKernelBackend } from '../core/teamEngine';
import { HOT_MERGE_EVERY, type HotRows } from '../core/hotRows';
import { copySigmoidTable, SIGMOID_TABLE_LENGTH } from '../core/sigmoidTable';
import { minibatchEntry, type MinibatchExports } from './wasmMinibatch';

/** The module's exports (wasm/index.ts); addresses are byte offsets into the memory. */
interface KernelExports extends MinibatchExports {
  initShape(
    dim: number,
    rows: number,
    loss: number,
    cbow: number,
    exact: number,
    pipelined: number,
    noise: number,
  ): void;
  initPointers(...addresses: number[]): void;
  initHot(
    rows: number,
    outFirst: number,
    centre: number,
    out: number,
    centreSnap: number,
    outSnap: number,
    every: number,
  ): void;
  mergeHot(): void;
  streamSpan(sen: number, senT: number, len: number, from: number, to: number, io: number): void;
  exampleStep(
    c: number,
    ctx: number,
    from: number,
    to: number,
    negs: number,
    negFrom: number,
    io: number,
  ): void;
  windowGradient(
    c: number,
    ctx: number,
    from: number,
    to: number,
    negs: number,
    negFrom: number,
    io: number,
  ): void;
}

const PAGE_BYTES = 65536;
const TABLE_AT = 1024;
const IO_AT = TABLE_AT + SIGMOID_TABLE_LENGTH * 8;
const CTX_AT = IO_AT + 64;
/** Context words of one example or window: at most 2m with m ≤ 50. */
const CTX_SLOTS = 100;
const NEGS_AT = CTX_AT + CTX_SLOTS * 4;
/** Negatives of one example or window: at most 2m pairs × K ≤ 50. */
const NEGS_SLOTS = CTX_SLOTS * 50;
const ARENA_AT = Math.ceil((NEGS_AT + NEGS_SLOTS * 4) / 16) * 16;

/** JavaScript's own exp, log and log1p, so the module rounds them as the TypeScript kernel does. */
const MATH_IMPORTS = { exp: Math.exp, log: Math.log, log1p: Math.log1p };

/**
 * The backend over a compiled kernel module (`WebAssembly.compile` of kernel.wasm). Throws a
 * RangeError from `memory` when a model does not fit in 4 GiB of linear memory.
 */
export function createWasmBackend(module: WebAssembly.Module): KernelBackend {
  return { id: 'wasm', memory: (bytes) => viewOf(module, newMemory(bytes, false)) };
}

/**
 * The backend over the shared build (kernel-shared.wasm) for Hogwild teams (core/teamEngine.ts):
 * its memory is a shared WebAssembly.Memory, whose handle (the module and the memory) a helper
 * worker attaches to with `attach`. Needs a SharedArrayBuffer (a cross-origin isolated page).
 */
export function createSharedWasmBackend(module: WebAssembly.Module): SharedKernelBackend {
  return {
    id: 'wasm',
    memory(bytes) {
      const memory = newMemory(bytes, true);
      return { ...viewOf(module, memory), handle: { module, memory } satisfies SharedHandle };
    },
    attach(handle) {
      const { module: shared, memory } = handle as SharedHandle;
      return viewOf(shared, memory);
    },
  };
}

/** What a helper worker receives to reach a team's memory. */
interface SharedHandle {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
}

/** A memory for a state of `bytes` bytes, with the σ table in place. */
function newMemory(bytes: number, shared: boolean): WebAssembly.Memory {
  const pages = Math.ceil((ARENA_AT + bytes) / PAGE_BYTES);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
  copySigmoidTable(new Float64Array(memory.buffer, TABLE_AT, SIGMOID_TABLE_LENGTH));
  return memory;
}

/**
 * The arena and kernels of `memory`. A state with an io block of its own (a team helper's,
 * core/teamState.ts) keeps the kernel's io there, so threads never share one.
 */
function viewOf(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelMemory {
  return {
    buffer: memory.buffer,
    byteOffset: ARENA_AT,
    kernel: (st) => {
      const own = (st as { io?: Float64Array }).io;
      return wasmKernel(module, memory, st, own ? own.byteOffset : IO_AT);
    },
  };
}

/** Instantiates the module over `memory` and tells it where the state's arrays are. */
function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory, st: KernelState) {
  const imports = { env: { memory }, sigmoid: MATH_IMPORTS };
  const x = new WebAssembly.Instance(module, imports).exports as unknown as KernelExports;
  const { isCbow, isCbowExact, isPipelined } = st;
  x.initShape(
    st.dim,
    st.outRows,
    st.loss,
    +isCbow,
    +isCbowExact,
    +isPipelined,
    st.noiseProb.length,
  );
  const at = (a: ArrayBufferView): number => a.byteOffset;
  x.initPointers(
    at(st.mem),
    st.outBase,
    st.hBase,
    st.neuBase,
    st.zeroBase,
    st.gradCenterBase,
    st.gradOutBase,
    at(st.noiseProb),
    at(st.noiseAlias),
    at(st.offsets),
    at(st.points),
    at(st.codes),
    at(st.rng),
    at(st.rows),
    at(st.scores),
    at(st.gs),
    at(st.ids),
    at(st.counts),
    at(st.nextRows),
    at(st.nextIds),
    at(st.nextCounts),
    TABLE_AT,
    // The TypeScript pipelined loop's score list, unused by the module: its splat area.
    at(st.nextScores),
  );
  // A team thread's copies of the hot rows (core/hotRows.ts; none for one thread).
  const hot = hotRowsOf(st);
  if (hot) {
    const { rows, outFirst, centre, out, centreSnap, outSnap } = hot;
    x.initHot(rows, outFirst, at(centre), at(out), at(centreSnap), at(outSnap), HOT_MERGE_EVERY);
  }
  return x;
}

/** The state's hot-row copies (a team thread's, core/hotRows.ts), or null: none. */
function hotRowsOf(st: KernelState): HotRows | null {
  const hot = (st as { hot?: HotRows }).hot;
  return hot && hot.rows > 0 ? hot : null;
}

/**
 * The Kernel: streamSpan runs in the module on the state's own sentence buffers (other arrays are
 * copied into them); an example's or a window's words are copied into the scratch area, or, if
 * they do not fit, handed to the TypeScript kernel over the same memory.
 */
function wasmKernel(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  st: KernelState,
  ioAt: number,
): Kernel {
  const x = instantiate(module, memory, st);
  const io = new Float64Array(memory.buffer, ioAt, IO_SIZE);
  const ctxArea = new Int32Array(memory.buffer, CTX_AT, CTX_SLOTS);
  const negsArea = new Int32Array(memory.buffer, NEGS_AT, NEGS_SLOTS);
  const reference = createKernel(st);
  const minibatch = minibatchEntry(x, st, IO_AT);
  const inMemory = (a: Int32Array, own: Int32Array, len: number): number => {
    if (a.buffer === memory.buffer) return a.byteOffset;
    if (len > own.length)
      throw new RangeError(`a span of ${len} words exceeds the kernel's buffer`);
    own.set(a.subarray(0, len));
    return own.byteOffset;
  };
  /** Copies the words of one example or window; false when they do not fit the scratch. */
  const stage = (
    ctx: Int32Array,
    from: number,
    to: number,
    negs: Int32Array,
    negFrom: number,
    K: number,
  ) => {
    const pairs = st.isCbow ? 1 : to - from;
    const negCount = Math.max(0, Math.min(negs.length - negFrom, pairs * K));
    if (to - from > CTX_SLOTS || negCount > NEGS_SLOTS) return false;
    ctxArea.set(ctx.subarray(from, to));
    negsArea.set(negs.subarray(negFrom, negFrom + negCount));
    return true;
  };
  const call = (ioBlock: Float64Array, run: () => void): void => {
    io.set(ioBlock);
    run();
    ioBlock.set(io);
  };
  return {
    streamSpan(sen, senT, len, from, to, ioBlock) {
      const senAt = inMemory(sen, st.sen, len);
      const senTAt = inMemory(senT, st.senT, len);
      call(ioBlock, () => x.streamSpan(senAt, senTAt, len, from, to, ioAt));
    },
    exampleStep(center, ctx, from, to, negs, negFrom, ioBlock) {
      if (!stage(ctx, from, to, negs, negFrom, ioBlock[IO_NEGATIVES]!)) {
        reference.exampleStep(center, ctx, from, to, negs, negFrom, ioBlock);
        return;
      }
      call(ioBlock, () => x.exampleStep(center, CTX_AT, 0, to - from, NEGS_AT, 0, ioAt));
    },
    windowGradient(center, ctx, from, to, negs, negFrom, ioBlock) {
      if (!stage(ctx, from, to, negs, negFrom, ioBlock[IO_NEGATIVES]!)) {
        reference.windowGradient(center, ctx, from, to, negs, negFrom, ioBlock);
        return;
      }
      call(ioBlock, () => x.windowGradient(center, CTX_AT, 0, to - from, NEGS_AT, 0, ioAt));
    },
    ...(hotRowsOf(st) && { mergeHot: () => x.mergeHot() }),
    ...(minibatch && {
      minibatchIteration: (sentences, batch, ioBlock) =>
        call(ioBlock, () => minibatch(sentences, batch)),
    }),
  };
}
