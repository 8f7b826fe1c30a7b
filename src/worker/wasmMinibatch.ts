/**
 * The WebAssembly kernel's minibatch entry (wasm/minibatch.ts): one whole CS224n iteration per
 * call over the state's batch buffers, which the engine laid out in the module's memory.
 */
import type { KernelState } from '../core/kernelState';

/** The module export (wasm/index.ts); addresses are byte offsets into the memory. */
export interface MinibatchExports {
  minibatchIteration(
    tokens: number,
    starts: number,
    sentences: number,
    batch: number,
    centerSlots: number,
    centerList: number,
    outSlots: number,
    outList: number,
    context: number,
    io: number,
  ): void;
}

/**
 * `(sentences, batch) => void`: one iteration with the io block at `ioAt`, or undefined when the
 * state has no batch buffers (the run then draws its plans in TypeScript).
 */
export function minibatchEntry(
  x: MinibatchExports,
  st: KernelState,
  ioAt: number,
): ((sentences: number, batch: number) => void) | undefined {
  const b = st.batch;
  if (!b) return undefined;
  return (sentences, batch) =>
    x.minibatchIteration(
      b.tokens.byteOffset,
      b.starts.byteOffset,
      sentences,
      batch,
      b.centerSlots.byteOffset,
      b.centerList.byteOffset,
      b.outSlots.byteOffset,
      b.outList.byteOffset,
      b.context.byteOffset,
      ioAt,
    );
}
