#!/usr/bin/env node
// Compiles the WebAssembly SIMD training kernel (wasm/*.ts, AssemblyScript) to
//   public/generated/kernel.wasm
// which the app serves from its own origin and the Node bench and tests read from disk. The
// compiler is the `assemblyscript` npm package: no other toolchain. Run by the predev, prebuild,
// pretest and prebench npm scripts; skips work when the output is newer than its sources.
//
// Usage: node scripts/build-wasm.mjs [outFile] [--force]
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'wasm');
export const WASM_FILE = join(ROOT, 'public', 'generated', 'kernel.wasm');

/**
 * asc flags: speed-optimised, no garbage collector or allocator (the kernel never allocates), no
 * assertion strings (so no static data: linear memory is all ours), 4-lane SIMD, and the memory
 * imported from JavaScript, which lays the kernel state out in it (and could later share it).
 */
const FLAGS = [
  '-O3',
  '--converge',
  '--runtime',
  'stub',
  '--noAssert',
  '--use',
  'abort=',
  '--enable',
  'simd',
  '--importMemory',
  '--noExportMemory',
];

function newestInput() {
  const files = readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(SOURCE_DIR, f));
  files.push(
    fileURLToPath(import.meta.url),
    join(ROOT, 'node_modules/assemblyscript/package.json'),
  );
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** Builds the kernel unless it is up to date; returns true when it compiled. */
export async function buildWasm(outFile = WASM_FILE, force = false) {
  if (!force && existsSync(outFile) && statSync(outFile).mtimeMs >= newestInput()) return false;
  mkdirSync(dirname(outFile), { recursive: true });
  // Compile to a temporary name and rename: parallel test workers may build at the same time,
  // and none of them must read a half-written file.
  const partial = `${outFile}.${process.pid}.tmp`;
  const asc = await import('assemblyscript/asc');
  const { error, stderr } = await asc.main([join(SOURCE_DIR, 'index.ts'), ...FLAGS, '-o', partial]);
  if (error) throw new Error(`AssemblyScript failed: ${error.message}\n${stderr.toString()}`);
  renameSync(partial, outFile);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--'));
  const built = await buildWasm(out ? resolve(out) : WASM_FILE, args.includes('--force'));
  console.log(
    built ? `built ${out ?? 'public/generated/kernel.wasm'}` : 'kernel.wasm is up to date',
  );
}
