/**
 * The trainer's kernel choice: the WebAssembly kernel when it loads, the TypeScript one with a
 * plain-words note when it does not, loaded once and used by every model the trainer builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_WASM_FILE, WASM_FILE, kernelPath, loadKernelModule } from '../../bench/wasmModule';
import { TS_KERNEL, type KernelBackend } from '../core/kernel';
import {
  canShareMemory,
  createKernelSlot,
  hasRelaxedSimd,
  hasWasmSimd,
  kernelFile,
  loadTeamKernel,
  loadWasmKernel,
  TS_CHOICE,
} from './kernelLoader';
import { TEACHING, initialised } from './testing/harness';

const KERNEL_URL = new URL('http://app.test/generated/kernel.wasm');
loadKernelModule(); // builds kernel.wasm when needed
const BYTES = readFileSync(WASM_FILE);

const respond = (body: BodyInit | null, init: ResponseInit) => async () => new Response(body, init);

describe('loadWasmKernel', () => {
  it('this Node runs WebAssembly SIMD, and relaxed SIMD (on Node 20 behind the flag wasmModule sets)', () => {
    expect(hasWasmSimd()).toBe(true);
    expect(hasRelaxedSimd()).toBe(true);
  });

  it('names the build to load: relaxed where the engine has it, shared for a team', () => {
    expect(kernelFile(false, false)).toBe('kernel.wasm');
    expect(kernelFile(true, false)).toBe('kernel-shared.wasm');
    expect(kernelFile(false, true)).toBe('kernel-relaxed.wasm');
    expect(kernelFile(true, true)).toBe('kernel-relaxed-shared.wasm');
    expect(kernelFile(true)).toBe('kernel-relaxed-shared.wasm');
    for (const shared of [false, true])
      expect(existsSync(kernelPath(shared, 'relaxed'))).toBe(true);
  });

  it.each(['application/wasm', 'application/octet-stream'])(
    'compiles the served module (%s) into the wasm backend, without a note',
    async (type) => {
      const choice = await loadWasmKernel(
        KERNEL_URL,
        respond(BYTES, { headers: { 'content-type': type } }),
      );
      expect(choice.note).toBe('');
      expect(choice.backend.id).toBe('wasm');
    },
  );

  it('falls back to the TypeScript kernel and says why when the file is missing or broken', async () => {
    const missing = await loadWasmKernel(KERNEL_URL, respond('not here', { status: 404 }));
    expect(missing.backend).toBe(TS_KERNEL);
    expect(missing.note).toMatch(/HTTP 404 .*TypeScript kernel/);
    const broken = await loadWasmKernel(KERNEL_URL, respond('<html>', { status: 200 }));
    expect(broken.backend).toBe(TS_KERNEL);
    expect(broken.note).toMatch(/could not be loaded/);
  });
});

describe('kernel slot and trainer', () => {
  it('loads once; until then the backend is the TypeScript kernel', async () => {
    let loads = 0;
    const slot = createKernelSlot(async () => {
      loads++;
      return { backend: { ...TS_KERNEL, id: 'other' }, note: '' };
    });
    expect(slot.backend()).toBe(TS_KERNEL);
    await Promise.all([slot.load(), slot.load()]);
    expect(loads).toBe(1);
    expect(slot.backend().id).toBe('other');
  });

  it('every model the trainer builds runs on the loaded kernel; a fallback note reaches the corpus info', async () => {
    let memories = 0;
    const counting: KernelBackend = {
      id: 'counting',
      memory(bytes) {
        memories++;
        return TS_KERNEL.memory(bytes);
      },
    };
    const note =
      'This browser has no WebAssembly SIMD: training runs on the slower TypeScript kernel.';
    const h = await initialised({ loadKernel: async () => ({ backend: counting, note }) });
    expect(memories).toBe(1);
    await h.trainer.reset(9);
    expect(memories).toBe(2);
    const again = await h.trainer.init(TEACHING);
    expect(again.ok && again.corpus.kernelNote).toBe(note);
    const plain = await (
      await initialised({ loadKernel: async () => TS_CHOICE })
    ).trainer.init(TEACHING);
    expect(plain.ok && plain.corpus.kernelNote).toBeUndefined();
  });
});

describe('loadTeamKernel (training on several threads)', () => {
  const SHARED_URL = new URL('http://app.test/generated/kernel-shared.wasm');
  const SHARED_BYTES = readFileSync(SHARED_WASM_FILE);
  const served = respond(SHARED_BYTES, { headers: { 'content-type': 'application/wasm' } });

  it('an isolated page (or Node) gets the shared build as a team backend', async () => {
    expect(canShareMemory({})).toBe(true);
    const choice = await loadTeamKernel(SHARED_URL, served, { crossOriginIsolated: true });
    expect(choice.teamNote).toBe('');
    expect(choice.team?.id).toBe('wasm');
    const memory = choice.team!.memory(1024);
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('a page that is not cross-origin isolated gets none, and a note that says why', async () => {
    expect(canShareMemory({ crossOriginIsolated: false })).toBe(false);
    const choice = await loadTeamKernel(SHARED_URL, served, { crossOriginIsolated: false });
    expect(choice.team).toBeNull();
    expect(choice.teamNote).toMatch(/not cross-origin isolated.*one thread/);
  });

  it('a missing file: no team backend, and the reason', async () => {
    const choice = await loadTeamKernel(SHARED_URL, respond('gone', { status: 404 }));
    expect(choice.team).toBeNull();
    expect(choice.teamNote).toMatch(/HTTP 404.*one thread/);
  });
});
