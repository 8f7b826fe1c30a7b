/**
 * The WebAssembly kernel for Node (the benchmarks and the Vitest files): builds
 * public/generated/kernel.wasm and kernel-shared.wasm if missing or older than their sources
 * (scripts/build-wasm.mjs decides, in a child process), then compiles one and wraps it as a
 * KernelBackend (the shared one for Hogwild teams).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KernelBackend } from '../src/core/kernel';
import type { SharedKernelBackend } from '../src/core/teamEngine';
import { createSharedWasmBackend, createWasmBackend } from '../src/worker/wasmKernel';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the build puts the kernel. */
export const WASM_FILE = path.join(ROOT, 'public', 'generated', 'kernel.wasm');

/** The shared build (its memory declared shared). */
export const SHARED_WASM_FILE = path.join(ROOT, 'public', 'generated', 'kernel-shared.wasm');

/** The compiled kernel module (built first when needed); `shared`: the shared build. */
export function loadKernelModule(shared = false): WebAssembly.Module {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-wasm.mjs')], {
    stdio: 'ignore',
  });
  return new WebAssembly.Module(readFileSync(shared ? SHARED_WASM_FILE : WASM_FILE));
}

/** The WebAssembly SIMD kernel as a backend for `createEngine`. */
export function wasmBackend(): KernelBackend {
  return createWasmBackend(loadKernelModule());
}

/** The shared build as a backend for Hogwild teams (`createTeamEngine`). */
export function sharedWasmBackend(): SharedKernelBackend {
  return createSharedWasmBackend(loadKernelModule(true));
}
