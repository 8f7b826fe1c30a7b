/**
 * Memory benchmark: `npx tsx bench/memory.ts -- [--minutes 10] [--every 30] [--top 1000]
 * [--background 10000] [--params dim=100] [--dist dist]` (build the app first with
 * `npx vite build`).
 *
 * Serves the built app with `vite preview`, opens it in headless Chromium on the State of the
 * Union addresses (`epochs=200`, so the run cannot end inside the window) with `--top` labelled
 * and `--background` unlabelled points on the map, lets it train for `--minutes`, and every
 * `--every` seconds samples:
 * - the page's JS heap (CDP `Runtime.getHeapUsage`), as found and after a forced garbage
 *   collection (`HeapProfiler.collectGarbage`): the second is what is really kept alive; and the
 *   ArrayBuffer memory outside the heap;
 * - the trainer worker's JS heap, the same two ways, through a CDP session attached to the worker
 *   target (`Target.setAutoAttach`, messages relayed with `Target.sendMessageToTarget`);
 * - the memory of every Chromium process of this run, summed: proportional set size, and the
 *   private pages (which other processes cannot move);
 * - the words trained so far (the "Words processed" readout).
 * Prints one JSON document: every sample, the peaks, and the growth of each retained heap as a
 * least-squares slope over the samples after the first minute (MB per minute). Progress goes to
 * stderr. The preview server and the browser are stopped at the end.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_OPTIONS } from './browserPage';
import { freePort, startPreview } from './preview';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    every: { type: 'string', default: '30' },
    top: { type: 'string', default: '1000' },
    background: { type: 'string', default: '10000' },
    params: { type: 'string', default: '' },
    dist: { type: 'string', default: 'dist' },
  },
});
const MB = 2 ** 20;
const log = (text: string): void => void process.stderr.write(`${text}\n`);
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** A flag only this run's browser carries, to find its processes in /proc. */
const MARKER = `--w2v-memory-bench=${process.pid}`;

/** Heap used (MB) as found and after a full garbage collection, over one CDP target. */
async function heapOf(send: (method: string) => Promise<Record<string, unknown>>) {
  const before = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  await send('HeapProfiler.collectGarbage');
  // backingStorageSize: ArrayBuffers' memory outside the JS heap (the weights, wasm memory).
  const after = (await send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return {
    usedMB: round(before.usedSize / MB),
    retainedMB: round(after.usedSize / MB),
    buffersMB: round((after.backingStorageSize ?? Number.NaN) / MB),
  };
}

/**
 * A CDP channel to the page's dedicated worker (the trainer): auto-attach without flattening, so
 * the worker's messages travel inside this page session and Playwright's own sessions are left
 * alone.
 */
async function workerChannel(cdp: CDPSession) {
  let sessionId: string | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker' && sessionId === null) sessionId = event.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  return async (method: string): Promise<Record<string, unknown>> => {
    if (sessionId === null) throw new Error('the trainer worker is not attached');
    const id = nextId++;
    const answer = new Promise<Record<string, unknown>>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params: {} }),
    });
    return answer;
  };
}

/**
 * Memory of the browser process that carries MARKER and all its descendants, summed (MB), from
 * /proc/<pid>/smaps_rollup: `pss`, the proportional set size (shared pages split between their
 * sharers), and `private`, the pages no other process maps. PSS moves when another Chromium
 * starts or stops sharing the same library pages; the private part does not, so growth is
 * judged on it.
 */
function chromiumMemoryMB(): { pss: number; private: number } {
  const parentOf = new Map<number, number>();
  let root = -1;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (root < 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MARKER)) root = pid;
    } catch {
      // the process ended meanwhile
    }
  }
  const kb = { pss: 0, private: 0 };
  const field = (text: string, key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  for (const pid of parentOf.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== root) p = parentOf.get(p);
    if (p !== root) continue;
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb.pss += field(text, 'Pss');
      kb.private += field(text, 'Private_Clean') + field(text, 'Private_Dirty');
    } catch {
      // gone
    }
  }
  return { pss: round(kb.pss / 1024), private: round(kb.private / 1024) };
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxy / sxx;
}

async function wordsTrained(page: Page): Promise<number> {
  const text = await page.getByLabel('Words processed', { exact: true }).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

async function measure(baseUrl: string) {
  const browser = await chromium.launch({
    ...CHROMIUM_OPTIONS,
    args: [...CHROMIUM_OPTIONS.args, MARKER],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    const toWorker = await workerChannel(cdp);
    const toPage = (method: string) => cdp.send(method as 'Runtime.getHeapUsage');
    const extra = args.params ? `&${args.params}` : '';
    const bg = Number(args.background) > 0 ? `&background=${args.background}` : '';
    await page.goto(`${baseUrl}/?corpus=sotu&words=&top=${args.top}${bg}&epochs=200${extra}`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Training/ })
      .waitFor({ timeout: 120_000 });
    const start = Date.now();
    const samples = [];
    for (let k = 0; ; k++) {
      const minutes = (Date.now() - start) / 60_000;
      const sample = {
        minutes: round(minutes, 2),
        words: await wordsTrained(page),
        page: await heapOf(toPage),
        worker: await heapOf(toWorker),
        chromiumMB: chromiumMemoryMB(),
        loadAverage: round(os.loadavg()[0]!, 2),
      };
      samples.push(sample);
      log(JSON.stringify(sample));
      if (minutes >= Number(args.minutes)) break;
      const next = start + (k + 1) * Number(args.every) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
    }
    const status = (await page.getByRole('status').textContent()) ?? '';
    return { samples, status };
  } finally {
    await browser.close();
  }
}

/** Peaks, and the retained heaps' growth after the first minute (warm-up: JIT, caches, pools). */
function summarise(samples: Awaited<ReturnType<typeof measure>>['samples']) {
  const late = samples.filter((s) => s.minutes >= 1);
  const xs = late.map((s) => s.minutes);
  type Sample = (typeof samples)[number];
  const peak = (pick: (s: Sample) => number) => Math.max(...samples.map(pick));
  const growth = (pick: (s: Sample) => number) => round(slope(xs, late.map(pick)), 3);
  return {
    peak: {
      pageHeapMB: peak((s) => s.page.usedMB),
      workerHeapMB: peak((s) => s.worker.usedMB),
      workerBuffersMB: peak((s) => s.worker.buffersMB),
      chromiumPssMB: peak((s) => s.chromiumMB.pss),
      chromiumPrivateMB: peak((s) => s.chromiumMB.private),
    },
    growthMBPerMinute: {
      pageRetained: growth((s) => s.page.retainedMB),
      workerRetained: growth((s) => s.worker.retainedMB),
      workerBuffers: growth((s) => s.worker.buffersMB),
      chromiumPrivate: growth((s) => s.chromiumMB.private),
      chromiumPss: growth((s) => s.chromiumMB.pss),
    },
  };
}

async function main(): Promise<void> {
  const dist = path.resolve(ROOT, args.dist);
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no build in ${dist}: run \`npx vite build\` first`);
  }
  const port = await freePort();
  const server = await startPreview(ROOT, dist, port);
  log(`vite preview on port ${port}; sampling every ${args.every} s for ${args.minutes} min`);
  try {
    const { samples, status } = await measure(`http://127.0.0.1:${port}`);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const wordsPerSecond = (last.words - first.words) / ((last.minutes - first.minutes) * 60);
    console.log(
      JSON.stringify(
        {
          corpus: 'sotu',
          top: Number(args.top),
          background: Number(args.background),
          params: args.params,
          minutes: last.minutes,
          workerWordsPerSecond: Math.round(wordsPerSecond),
          ...summarise(samples),
          statusAtEnd: status,
          samples,
          cores: os.cpus().length,
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
