/**
 * The WebAssembly SIMD training kernel: the same steps as the TypeScript kernel (src/core/
 * kernel.ts), over the same KernelState, which the JavaScript side lays out inside this module's
 * imported memory (src/worker/wasmKernel.ts). Built by scripts/build-wasm.mjs with AssemblyScript.
 *
 * Every entry point takes byte addresses into that memory; the generator's state is read from and
 * written back to the state's 4-word array around each call.
 */
import { enterSpan, initHot, leaveSpan, mergeHot } from './hot';
import { initPointers, initShape } from './layout';
import { minibatchIteration as minibatchIterationImpl } from './minibatch';
import { loadRng, storeRng } from './rng';
import {
  exampleStep as exampleStepImpl,
  streamSpan as streamSpanImpl,
  windowGradient as windowGradientImpl,
} from './stream';

export { initHot, initPointers, initShape, mergeHot };

/** `Kernel.streamSpan` over sen/senT (i32 arrays) and the io block (f64 × IO_SIZE). */
export function streamSpan(sen: usize, senT: usize, len: i32, from: i32, to: i32, io: usize): void {
  loadRng();
  enterSpan(to - from);
  streamSpanImpl(sen, senT, len, from, to, io);
  leaveSpan();
  storeRng();
}

/** `Kernel.exampleStep` (no random draw). */
export function exampleStep(
  center: i32,
  ctx: usize,
  ctxFrom: i32,
  ctxTo: i32,
  negs: usize,
  negFrom: i32,
  io: usize,
): void {
  exampleStepImpl(center, ctx, ctxFrom, ctxTo, negs, negFrom, io);
}

/** `Kernel.windowGradient` (no random draw). */
export function windowGradient(
  center: i32,
  ctx: usize,
  ctxFrom: i32,
  ctxTo: i32,
  negs: usize,
  negFrom: i32,
  io: usize,
): void {
  windowGradientImpl(center, ctx, ctxFrom, ctxTo, negs, negFrom, io);
}

/** `Kernel.minibatchIteration` over the state's batch buffers (byte addresses). */
export function minibatchIteration(
  tokens: usize,
  starts: usize,
  sentences: i32,
  batch: i32,
  centreFlags: usize,
  centreList: usize,
  outFlags: usize,
  outList: usize,
  context: usize,
  io: usize,
): void {
  loadRng();
  minibatchIterationImpl(
    tokens,
    starts,
    sentences,
    batch,
    centreFlags,
    centreList,
    outFlags,
    outList,
    context,
    io,
  );
  storeRng();
}
