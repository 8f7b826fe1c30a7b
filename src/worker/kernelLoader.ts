/**
 * Which kernel the trainer's engines run on: the WebAssembly SIMD build
 * (public/generated/kernel.wasm, see wasmKernel.ts) when this browser can run it, else the
 * TypeScript reference with a note saying why — the UI shows the note beside the corpus. Both
 * kernels give the same weights to float32 rounding, so only the speed depends on the choice.
 */
import { TS_KERNEL, type KernelBackend } from '../core/kernel';
import type { SharedKernelBackend } from '../core/teamEngine';
import { createSharedWasmBackend, createWasmBackend } from './wasmKernel';

/** The kernel to train with and, when it is not the fast one, why (else ''). */
export interface KernelChoice {
  backend: KernelBackend;
  note: string;
  /**
   * The shared build for training on several threads (core/teamEngine.ts); absent or null when
   * this page cannot share memory between workers, and then `teamNote` says why.
   */
  team?: SharedKernelBackend | null;
  teamNote?: string;
}

/** The TypeScript kernel, nothing to say (tests, and the default of `createTrainer`). */
export const TS_CHOICE: KernelChoice = { backend: TS_KERNEL, note: '' };

const FALLBACK = 'training runs on the slower TypeScript kernel';

/**
 * A minimal module whose one function uses a 128-bit SIMD instruction (i8x16.splat): it
 * validates exactly where WebAssembly SIMD is supported.
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
]);

/** True when this engine runs WebAssembly with SIMD. */
export function hasWasmSimd(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}

/**
 * A minimal module whose one function takes a relaxed fused multiply-add of three splats
 * (f32x4.relaxed_madd): it validates exactly where relaxed SIMD is supported.
 */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15,
  65, 0, 253, 15, 65, 0, 253, 15, 253, 133, 2, 11,
]);

/** True when this engine has relaxed SIMD (Chromium since 114; Node from 22, or 20 with a flag). */
export function hasRelaxedSimd(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(RELAXED_PROBE);
}

/**
 * The kernel build to load (scripts/build-wasm.mjs): the plain or the shared memory, with relaxed
 * SIMD's fused multiply-add where the engine has it (a little faster; the same weights to
 * float32 rounding).
 */
export function kernelFile(shared: boolean, relaxed = hasRelaxedSimd()): string {
  return `kernel${relaxed ? '-relaxed' : ''}${shared ? '-shared' : ''}.wasm`;
}

/** Compiles the module from a response, streaming when the server sent application/wasm. */
async function compile(response: Response): Promise<WebAssembly.Module> {
  const isWasm = response.headers.get('content-type')?.startsWith('application/wasm');
  if (isWasm && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Fetches and compiles the kernel at `url`; falls back to the TypeScript kernel with a note. */
export async function loadWasmKernel(
  url: URL,
  fetchImpl: (url: URL) => Promise<Response> = fetch,
): Promise<KernelChoice> {
  if (!hasWasmSimd()) {
    return { backend: TS_KERNEL, note: `This browser has no WebAssembly SIMD: ${FALLBACK}.` };
  }
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
    return { backend: createWasmBackend(await compile(response)), note: '' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      backend: TS_KERNEL,
      note: `The fast kernel could not be loaded (${why}): ${FALLBACK}.`,
    };
  }
}

/**
 * True when this page may share memory between workers: a SharedArrayBuffer exists and the page
 * is cross-origin isolated (Node, which has no such notion, can).
 */
export function canShareMemory(scope: { crossOriginIsolated?: boolean } = globalThis): boolean {
  return typeof SharedArrayBuffer === 'function' && scope.crossOriginIsolated !== false;
}

const ONE_THREAD = 'so training runs on one thread';

/**
 * Fetches and compiles the shared kernel (kernel-shared.wasm) when the page can share memory;
 * else, or when it fails, no team backend and a note saying why.
 */
export async function loadTeamKernel(
  url: URL,
  fetchImpl: (url: URL) => Promise<Response> = fetch,
  scope: { crossOriginIsolated?: boolean } = globalThis,
): Promise<Pick<KernelChoice, 'team' | 'teamNote'>> {
  if (!canShareMemory(scope)) {
    return {
      team: null,
      teamNote: `This page is not cross-origin isolated (its server does not send the COOP and COEP headers), ${ONE_THREAD}.`,
    };
  }
  if (!hasWasmSimd())
    return { team: null, teamNote: `This browser has no WebAssembly SIMD, ${ONE_THREAD}.` };
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
    return { team: createSharedWasmBackend(await compile(response)), teamNote: '' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      team: null,
      teamNote: `The kernel for several threads could not be loaded (${why}), ${ONE_THREAD}.`,
    };
  }
}

/**
 * Loads the kernel once, on first use, and remembers it; until it has arrived, `backend` is the
 * TypeScript kernel.
 */
export function createKernelSlot(load: () => Promise<KernelChoice>) {
  let pending: Promise<KernelChoice> | null = null;
  let choice: KernelChoice = TS_CHOICE;
  return {
    /** The kernel, loading it the first time. */
    load(): Promise<KernelChoice> {
      pending ??= load().then((loaded) => (choice = loaded));
      return pending;
    },
    backend: (): KernelBackend => choice.backend,
    /** The whole choice (the TypeScript kernel, no team, until loaded). */
    choice: (): KernelChoice => choice,
  };
}
