/**
 * The WebAssembly kernel for Node (the benchmarks and the Vitest files): builds the kernels in
 * public/generated/ if missing or older than their sources (scripts/build-wasm.mjs decides, in a
 * child process), then compiles one and wraps it as a KernelBackend (the shared one for Hogwild
 * teams). Like the app, it takes the relaxed-SIMD build when this Node has relaxed SIMD; Node 20
 * has it behind a V8 flag, which this module turns on (the browsers the app supports have it on).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { KernelBackend } from '../src/core/kernel';
import type { SharedKernelBackend } from '../src/core/teamEngine';
import { hasRelaxedSimd, kernelFile } from '../src/worker/kernelLoader';
import { createSharedWasmBackend, createWasmBackend } from '../src/worker/wasmKernel';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node 20's V8 validates relaxed SIMD only with this flag; later versions have it on. */
if (!hasRelaxedSimd()) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

/** The two builds of each memory kind: plain 128-bit SIMD, or with relaxed SIMD's fused madd. */
export type KernelBuild = 'simd' | 'relaxed';

/** The build the app would load here (relaxed where this Node has it). */
export const FASTEST_BUILD: KernelBuild = hasRelaxedSimd() ? 'relaxed' : 'simd';

let chosen: KernelBuild = FASTEST_BUILD;

/** Makes `build` the default of the functions below (`npm run bench -- --build simd`). */
export function useKernelBuild(build: KernelBuild): void {
  if (build === 'relaxed' && !hasRelaxedSimd()) throw new Error('this Node has no relaxed SIMD');
  chosen = build;
}

/** The default build now. */
export function kernelBuild(): KernelBuild {
  return chosen;
}

/** Where the build puts a kernel. */
export function kernelPath(shared: boolean, build: KernelBuild = chosen): string {
  return path.join(ROOT, 'public', 'generated', kernelFile(shared, build === 'relaxed'));
}

/** The plain build, one thread (kernel.wasm). */
export const WASM_FILE = kernelPath(false, 'simd');

/** The shared plain build (its memory declared shared). */
export const SHARED_WASM_FILE = kernelPath(true, 'simd');

/** A compiled kernel module (built first when needed); `shared`: a shared build. */
export function loadKernelModule(shared = false, build: KernelBuild = chosen): WebAssembly.Module {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-wasm.mjs')], {
    stdio: 'ignore',
  });
  return new WebAssembly.Module(readFileSync(kernelPath(shared, build)));
}

/** The WebAssembly SIMD kernel as a backend for `createEngine`. */
export function wasmBackend(build: KernelBuild = chosen): KernelBackend {
  return createWasmBackend(loadKernelModule(false, build));
}

/** A shared build as a backend for Hogwild teams (`createTeamEngine`). */
export function sharedWasmBackend(build: KernelBuild = chosen): SharedKernelBackend {
  return createSharedWasmBackend(loadKernelModule(true, build));
}
