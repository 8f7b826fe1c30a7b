import { expose } from 'comlink';
import { loadWasmKernel } from './kernelLoader';
import { createTrainer } from './trainer';

// The WebAssembly SIMD kernel when the browser can run it (kernelLoader.ts).
expose(createTrainer({ loadKernel: (assetUrl) => loadWasmKernel(assetUrl('kernel.wasm')) }));
