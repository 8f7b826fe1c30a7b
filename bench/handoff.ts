/**
 * How long a cache line takes to go from one core to another and back: two threads (this one and
 * a worker_thread) take turns writing one shared Int32 word, spinning until it is their turn; the
 * time per round trip is two hand-overs of that word's cache line. On the 2-core development VM
 * this alternates, from one minute to the next, between about 60 ns (the two virtual cores on one
 * level-3 cache) and about 335 ns (on two), and two training threads run at very different speeds
 * in the two states (src/core/hotRows.ts). `npm run bench -- --threads 2` reports it before and
 * after the run; `npx tsx bench/handoff.ts [rounds]` prints it alone.
 */
import { Worker } from 'node:worker_threads';

const PARTNER = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.buffer);
for (let i = 0; i < workerData.rounds; i++) {
  while (Atomics.load(flag, 0) !== 2 * i + 1);
  Atomics.store(flag, 0, 2 * i + 2);
}
`;

/** Nanoseconds per round trip of one shared word between two threads (median of `samples`). */
export async function measureHandoff(rounds = 200_000, samples = 3): Promise<number> {
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const buffer = new SharedArrayBuffer(64);
    const flag = new Int32Array(buffer);
    const worker = new Worker(PARTNER, { eval: true, workerData: { buffer, rounds } });
    await new Promise((resolve) => worker.once('online', resolve));
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      Atomics.store(flag, 0, 2 * i + 1);
      while (Atomics.load(flag, 0) !== 2 * i + 2);
    }
    times.push(Number(process.hrtime.bigint() - start) / rounds);
    await worker.terminate();
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 200_000);
  console.log(JSON.stringify({ handoffNs: await measureHandoff(rounds) }));
}
