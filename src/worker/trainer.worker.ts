import { expose } from 'comlink';
import { kernelFile, loadTeamKernel, loadWasmKernel } from './kernelLoader';
import type { SpawnHelper } from './teamWorkers';
import { createTrainer } from './trainer';

/** Helpers of a Hogwild team: nested module workers sharing this worker's WebAssembly.Memory. */
const spawnHelper: SpawnHelper = (message) => {
  const worker = new Worker(new URL('./helper.worker.ts', import.meta.url), {
    type: 'module',
    name: `helper ${message.setup.thread}`,
  });
  worker.postMessage(message);
  return worker;
};

// The WebAssembly SIMD kernel when the browser can run it, and its shared build for training on
// several threads when the page is cross-origin isolated; each in its relaxed-SIMD build where the
// browser has relaxed SIMD (kernelLoader.ts).
expose(
  createTrainer({
    loadKernel: async (assetUrl) => {
      const [single, team] = await Promise.all([
        loadWasmKernel(assetUrl(kernelFile(false))),
        loadTeamKernel(assetUrl(kernelFile(true))),
      ]);
      return { ...single, ...team };
    },
    spawnHelper,
  }),
);
