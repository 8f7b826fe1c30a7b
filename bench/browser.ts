/**
 * Browser benchmark: `npm run bench:browser -- [--seconds 20] [--top 500] [--background 0]
 * [--hover] [--corpus sotu] [--dist dist]` (runs `tsx bench/browser.ts`; build the app first with
 * `npx vite build`). `--top 1000 --background 10000 --hover` is the issue's smoothness case: 1,000
 * labelled points, 10,000 unlabelled ones, and the pointer moving over the map (quadtree hover).
 * `--file PATH [--preset cs224n]` times one whole run on a file instead (browserFile.ts).
 *
 * Serves the built app with `vite preview` on a free port, opens it in Debian's headless
 * Chromium through Playwright with the State of the Union addresses and the 500 most frequent
 * words on the map (`?corpus=sotu&words=&top=500&epochs=200`: far more epochs than the corpus's
 * own default, so the run cannot end inside the window), lets it train for `--seconds` and
 * measures:
 * - frames per second of the page's animation loop (requestAnimationFrame callbacks counted by a
 *   probe installed before the app's scripts),
 * - the longest main-thread task (PerformanceObserver 'longtask', which sees tasks over 50 ms)
 *   and the longest gap between two animation frames,
 * - the worker's words per second: the mean over the window from the "Words processed" readout,
 *   and the median of the "Throughput" readout sampled once a second; and the threads it says
 *   the page trains on (`--threads N` asks for N with the link's `threads`; Node then uses as many).
 * Then it trains the same corpus with the same settings in Node for as long, through the worker's
 * own run code (createRun/trainChunk: the engine on the WebAssembly kernel, as the worker's
 * default, plus the loss recorder, without frames or projections), and reports Node's words per
 * second beside the browser's. Prints one JSON
 * document; progress goes to stderr. The preview server is stopped at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { parseState } from '../src/state/urlSchema';
import { loadCorpus } from '../src/worker/corpora';
import { createRun, trainChunk } from '../src/worker/run';
import { nodeTeam, threadsOf } from './teamNode';
import type { BuiltinCorpusId } from '../src/worker/protocol';
import { CHROMIUM_OPTIONS, hoverLoop } from './browserPage';
import { runFileBench } from './browserFile';
import { freePort, startPreview } from './preview';
import { wasmBackend } from './wasmModule';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    top: { type: 'string', default: '500' },
    background: { type: 'string', default: '0' },
    // Moves the pointer over the map all the time (hover look-ups and tooltips while training).
    hover: { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'sotu' },
    dist: { type: 'string', default: 'dist' },
    // Extra URL parameters, e.g. `--params dim=100` for word2vec.c's classic dimension.
    params: { type: 'string', default: '' },
    // A whole run on a file of one's own, e.g. `--file datasetSentences.txt --preset cs224n`.
    file: { type: 'string' },
    preset: { type: 'string' },
    threads: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const DIST = path.resolve(ROOT, args.dist);
const CORPUS = args.corpus as BuiltinCorpusId;

/** Far more passes than fit in the window: the run must not end while it is measured. */
const EPOCHS = 200;

const log = (text: string): void => void process.stderr.write(`${text}\n`);

interface Probe {
  longTasks: { start: number; duration: number }[];
  frames: number[];
}

/**
 * Runs in the page before its scripts: records long tasks and every animation frame's time. A
 * string, not a function: tsx's keepNames would wrap the function's inner names in a helper the
 * page does not have.
 */
const PROBE_SCRIPT = `
  window.__probe = { longTasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  requestAnimationFrame(function tick(time) {
    window.__probe.frames.push(time);
    requestAnimationFrame(tick);
  });
`;

/** "180k words/s" → 180000; "1.2M words/s" → 1200000. */
function parseRate(text: string): number {
  const match = /([\d.]+)\s*([kMG]?)/.exec(text);
  if (!match) return Number.NaN;
  const factor = { '': 1, k: 1e3, M: 1e6, G: 1e9 }[match[2] as '' | 'k' | 'M' | 'G'];
  return Number(match[1]) * factor;
}

async function readCount(page: Page, label: string): Promise<number> {
  const text = (await page.getByLabel(label, { exact: true }).textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
};

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Opens the app on the corpus with `--top` words shown; waits until it trains. */
async function openApp(page: Page, baseUrl: string) {
  const loadStart = Date.now();
  const extra = `${args.params ? `&${args.params}` : ''}${args.threads ? `&threads=${args.threads}` : ''}`;
  const background = Number(args.background) > 0 ? `&background=${args.background}` : '';
  await page.goto(
    `${baseUrl}/?corpus=${CORPUS}&words=&top=${args.top}${background}&epochs=${EPOCHS}${extra}`,
  );
  await page
    .getByRole('status')
    .filter({ hasText: /^Training/ })
    .waitFor({ timeout: 120_000 });
  const loadSeconds = (Date.now() - loadStart) / 1000;
  const shown = await page
    .getByRole('list', { name: 'Shown words', exact: true })
    .getByRole('listitem')
    .count();
  log(`browser: training after ${loadSeconds.toFixed(1)} s with ${shown} shown words`);
  return { loadSeconds, shown };
}

/** Lets the page train for SECONDS, reading the throughput readout once a second. */
async function sampleTraining(page: Page) {
  const t0 = await page.evaluate(() => performance.now());
  const words0 = await readCount(page, 'Words processed');
  const rates: number[] = [];
  let threads = Number.NaN;
  for (let s = 0; s < SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    const text = (await page.getByLabel('Throughput', { exact: true }).textContent()) ?? '';
    rates.push(parseRate(text));
    threads = threadsOf(text);
  }
  const t1 = await page.evaluate(() => performance.now());
  const words1 = await readCount(page, 'Words processed');
  return { t0, t1, words: words1 - words0, rates, threads };
}

/** What the probe saw between page times `from` and `to`. */
function readProbe(page: Page, from: number, to: number) {
  return page.evaluate(
    ({ from, to }) => {
      const probe = (window as unknown as { __probe: Probe }).__probe;
      const frames = probe.frames.filter((t) => t >= from && t <= to);
      let maxGap = 0;
      for (let i = 1; i < frames.length; i++)
        maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        frames: frames.length,
        maxFrameGapMs: maxGap,
        longTasks: probe.longTasks
          .filter((t) => t.start + t.duration >= from && t.start <= to)
          .map((t) => t.duration),
        longTasksBefore: probe.longTasks.filter((t) => t.start < from).map((t) => t.duration),
        heapMB: memory ? memory.usedJSHeapSize / 2 ** 20 : null,
      };
    },
    { from, to },
  );
}

/** Trains in the browser for SECONDS and measures; returns the page's query string too. */
async function browserRun(baseUrl: string) {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(PROBE_SCRIPT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Which kernel builds the workers fetched (kernel-relaxed*.wasm where Chromium has relaxed SIMD).
    const kernelFiles = new Set<string>();
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) kernelFiles.add(new URL(r.url()).pathname.split('/').pop()!);
    });
    const { loadSeconds, shown } = await openApp(page, baseUrl);
    const hovering = args.hover ? hoverLoop(page) : null;
    const run = await sampleTraining(page);
    const hovers = hovering ? await hovering.stop() : 0;
    const probe = await readProbe(page, run.t0, run.t1);
    const seconds = (run.t1 - run.t0) / 1000;
    return {
      query: new URL(page.url()).search,
      result: {
        loadSeconds: round(loadSeconds),
        shownWords: shown,
        backgroundPoints: Number(args.background),
        pointerMoves: hovers,
        seconds: round(seconds, 2),
        fps: round(probe.frames / seconds),
        longestTaskMs: Math.max(0, ...probe.longTasks),
        longTasksMs: probe.longTasks,
        longTasksWhileLoadingMs: probe.longTasksBefore,
        maxFrameGapMs: round(probe.maxFrameGapMs),
        threads: run.threads,
        kernelFiles: [...kernelFiles].sort(),
        crossOriginIsolated: await page.evaluate(() => crossOriginIsolated),
        workerWordsPerSecond: Math.round(run.words / seconds),
        throughputReadoutMedian: median(run.rates),
        wordsTrained: run.words,
        mainHeapMB: probe.heapMB === null ? null : round(probe.heapMB),
        statusAtEnd: (await page.getByRole('status').textContent()) ?? '',
        pageErrors: errors,
      },
    };
  } finally {
    await browser.close();
  }
}

/** The same corpus, settings and threads in Node, for SECONDS. */
async function nodeRun(query: string, threads: number) {
  const { state } = parseState(query);
  const config = state.config;
  const file = path.join(ROOT, 'public', 'generated', `${CORPUS}.txt.gz`);
  const loaded = await loadCorpus(
    { kind: 'builtin', id: CORPUS },
    state.minCount === null ? {} : { minCount: state.minCount },
    {
      fetchText: async () => gunzipSync(readFileSync(file)).toString('utf8'),
      progress: async () => {},
    },
  );
  // The kernel the worker uses by default: WebAssembly SIMD (its shared build for a team).
  const run = createRun(1, loaded.corpus, config, undefined, wasmBackend(), nodeTeam(threads));
  run.team?.run();
  const start = performance.now();
  const now = (): number => performance.now();
  while (now() - start < SECONDS * 1000) {
    const report = trainChunk(run, Number.POSITIVE_INFINITY, now);
    if (report.done || report.diverged) break;
  }
  const seconds = (now() - start) / 1000;
  const words = run.engine.progress().wordsProcessed;
  run.pool?.dispose();
  const { tokens, vocabSize, words: rawWords } = loaded.info;
  return {
    config,
    corpusStats: { tokens, vocabSize, words: rawWords },
    node: {
      kernel: 'wasm',
      threads,
      seconds: round(seconds, 2),
      wordsPerSecond: Math.round(words / seconds),
      wordsTrained: words,
      version: process.version,
    },
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no build in ${DIST}: run \`npx vite build\` first`);
  }
  if (args.file) {
    const { file, preset, params } = args;
    return runFileBench({ root: ROOT, dist: DIST, file, preset, params, timeoutSeconds: 600 });
  }
  const loadBefore = os.loadavg()[0]!;
  const port = await freePort();
  const server = await startPreview(ROOT, DIST, port);
  log(`vite preview on port ${port} (pid ${server.pid})`);
  let browser: Awaited<ReturnType<typeof browserRun>>;
  try {
    browser = await browserRun(`http://127.0.0.1:${port}`);
  } finally {
    server.kill('SIGTERM');
  }
  log(`browser: ${browser.result.workerWordsPerSecond} words/s; now Node for ${SECONDS} s`);
  const node = await nodeRun(browser.query, browser.result.threads || 1);
  const output = {
    corpus: CORPUS,
    top: Number(args.top),
    query: browser.query,
    browser: browser.result,
    ...node,
    workerVsNode: round(browser.result.workerWordsPerSecond / node.node.wordsPerSecond, 3),
    chromium: '/usr/bin/chromium (headless)',
    /** 1-minute load averages before and after: on a shared 2-core machine they explain noise. */
    loadAverage: {
      before: round(loadBefore, 2),
      after: round(os.loadavg()[0]!, 2),
      cores: os.cpus().length,
    },
  };
  console.log(JSON.stringify(output, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
