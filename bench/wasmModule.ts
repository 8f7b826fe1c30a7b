/**
 * The WebAssembly kernel for Node (the benchmarks and the Vitest files): builds
 * public/generated/kernel.wasm if it is missing or older than its sources (scripts/build-wasm.mjs
 * decides, in a child process), then compiles it and wraps it as a KernelBackend.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KernelBackend } from '../src/core/kernel';
import { createWasmBackend } from '../src/worker/wasmKernel';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the build puts the kernel. */
export const WASM_FILE = path.join(ROOT, 'public', 'generated', 'kernel.wasm');

/** The compiled kernel module (built first when needed). */
export function loadKernelModule(): WebAssembly.Module {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-wasm.mjs')], {
    stdio: 'ignore',
  });
  return new WebAssembly.Module(readFileSync(WASM_FILE));
}

/** The WebAssembly SIMD kernel as a backend for `createEngine`. */
export function wasmBackend(): KernelBackend {
  return createWasmBackend(loadKernelModule());
}
