#!/usr/bin/env node
// Compiles the WebAssembly SIMD training kernel (wasm/*.ts, AssemblyScript) four times, from the
// same sources:
//   public/generated/kernel.wasm         its memory an ordinary one (one training thread)
//   public/generated/kernel-shared.wasm  its memory a shared one (Hogwild training on several
//                                        threads: src/worker/team.ts)
//   kernel-relaxed.wasm, kernel-relaxed-shared.wasm
//                                        the same two with relaxed SIMD, whose fused multiply-add
//                                        (wasm/rows.ts: madd) the loader takes where the engine
//                                        has it (src/worker/kernelLoader.ts: kernelFile)
// A module declares whether the memory it imports is shared, and only a memory of that kind can
// be given to it; a module with a relaxed-SIMD instruction does not validate where the feature
// is missing: hence four files. The app serves both from its own origin; the Node bench and
// tests read them from disk. The compiler is the `assemblyscript` npm package: no other
// toolchain. Run by the predev, prebuild, pretest and prebench npm scripts; skips work when an
// output is newer than its sources.
//
// Usage: node scripts/build-wasm.mjs [outFile] [--force]   (outFile: the plain kernel; the shared
// one goes next to it, `-shared` before the extension)
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'wasm');
export const WASM_FILE = join(ROOT, 'public', 'generated', 'kernel.wasm');

/**
 * asc flags: speed-optimised, no garbage collector or allocator (the kernel never allocates), no
 * assertion strings (so no static data: linear memory is all ours), 4-lane SIMD, and the memory
 * imported from JavaScript, which lays the kernel state out in it.
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

/** The shared variant: the imported memory is declared shared, up to 4 GiB (65,536 pages). */
const SHARED_FLAGS = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];

/** The relaxed-SIMD variant: fused multiply-adds. */
const RELAXED_FLAGS = ['--enable', 'relaxed-simd'];

/** kernel.wasm → kernel-shared.wasm. */
export function sharedFile(outFile) {
  return outFile.replace(/(\.wasm)?$/, '-shared.wasm');
}

/** kernel.wasm → kernel-relaxed.wasm. */
export function relaxedFile(outFile) {
  return outFile.replace(/(\.wasm)?$/, '-relaxed.wasm');
}

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

/** Compiles one variant to `outFile`. */
async function compile(outFile, flags) {
  mkdirSync(dirname(outFile), { recursive: true });
  // Compile to a temporary name and rename: parallel test workers may build at the same time,
  // and none of them must read a half-written file.
  const partial = `${outFile}.${process.pid}.tmp`;
  const asc = await import('assemblyscript/asc');
  const { error, stderr } = await asc.main([join(SOURCE_DIR, 'index.ts'), ...flags, '-o', partial]);
  if (error) throw new Error(`AssemblyScript failed: ${error.message}\n${stderr.toString()}`);
  renameSync(partial, outFile);
}

/** Builds the four kernels unless they are up to date; returns true when it compiled. */
export async function buildWasm(outFile = WASM_FILE, force = false) {
  const newest = newestInput();
  const isStale = (file) => force || !existsSync(file) || statSync(file).mtimeMs < newest;
  const variants = [
    [outFile, FLAGS],
    [sharedFile(outFile), [...FLAGS, ...SHARED_FLAGS]],
    [relaxedFile(outFile), [...FLAGS, ...RELAXED_FLAGS]],
    [sharedFile(relaxedFile(outFile)), [...FLAGS, ...RELAXED_FLAGS, ...SHARED_FLAGS]],
  ].filter(([file]) => isStale(file));
  for (const [file, flags] of variants) await compile(file, flags);
  return variants.length > 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--'));
  const built = await buildWasm(out ? resolve(out) : WASM_FILE, args.includes('--force'));
  console.log(
    built ? `built ${out ?? 'public/generated/kernel*.wasm'}` : 'kernel.wasm is up to date',
  );
}
