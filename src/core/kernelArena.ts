/**
 * Where a kernel's memory lives. The engine lays every array of its KernelState (weights,
 * scratch, noise and Huffman tables, the generator's state, the sentence buffer) one after
 * another in ONE buffer at known byte offsets, so that a kernel compiled to WebAssembly can work
 * on them in its linear memory (the buffer is then a WebAssembly.Memory's) while the TypeScript
 * side keeps typed-array views of the very same bytes. The TypeScript kernel simply gets a fresh
 * ArrayBuffer.
 */

/** `bytes` zero-filled bytes of `buffer` from `byteOffset` on (a multiple of 16). */
export interface KernelArena {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
}

/** Every array start is aligned to 16 bytes (the width of a SIMD vector, and of a float64). */
const ALIGN = 16;

/**
 * Cuts typed arrays out of an arena in order. Without an arena it only counts: the arrays it
 * returns are empty and `bytes` tells how large an arena the same sequence of cuts needs, so
 * sizing and laying out run through one and the same code.
 */
export class ArenaCarver {
  /** Bytes used so far (the size to allocate after a counting pass). */
  bytes = 0;

  constructor(private readonly arena: KernelArena | null) {}

  private take(count: number, size: number): number {
    const at = this.bytes;
    this.bytes = Math.ceil((at + count * size) / ALIGN) * ALIGN;
    return (this.arena?.byteOffset ?? 0) + at;
  }

  f32(count: number): Float32Array {
    const at = this.take(count, 4);
    return this.arena ? new Float32Array(this.arena.buffer, at, count) : new Float32Array(0);
  }

  f64(count: number): Float64Array {
    const at = this.take(count, 8);
    return this.arena ? new Float64Array(this.arena.buffer, at, count) : new Float64Array(0);
  }

  i32(count: number): Int32Array {
    const at = this.take(count, 4);
    return this.arena ? new Int32Array(this.arena.buffer, at, count) : new Int32Array(0);
  }

  u32(count: number): Uint32Array {
    const at = this.take(count, 4);
    return this.arena ? new Uint32Array(this.arena.buffer, at, count) : new Uint32Array(0);
  }

  u8(count: number): Uint8Array {
    const at = this.take(count, 1);
    return this.arena ? new Uint8Array(this.arena.buffer, at, count) : new Uint8Array(0);
  }
}

/** A fresh arena of `bytes` bytes (the TypeScript kernel's). */
export function heapArena(bytes: number): KernelArena {
  return { buffer: new ArrayBuffer(bytes), byteOffset: 0 };
}
