/**
 * `bench/browser.ts --file PATH [--preset cs224n]`: a whole run on a file of one's own, timed
 * in the browser from the start of training to "Finished" — the CS224n assignment run on its
 * datasetSentences.txt is the case this exists for (issue 5: under 10 s).
 *
 * The page is opened on a link made with the app's own URL schema: `corpus=custom`, the preset's
 * settings and words (or the defaults plus `--params`), seed 1; the app then waits for the
 * file, which goes in through its "Open a text file" input (Playwright's setInputFiles).
 * Measured in the page: when the status line first says "Training" and when it says
 * "Finished" (a MutationObserver on the status region, page clock), the run's SGD updates and
 * smoothed loss from the readouts, and the longest main-thread task while training
 * (PerformanceObserver 'longtask'). Then the same file and settings in Node through the worker's
 * run code (WebAssembly kernel). Prints one JSON document.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { initialConfigState } from '../src/state/configStore';
import { PRESETS } from '../src/state/presets';
import { parseState, serializeState, shareStateOf } from '../src/state/urlSchema';
import { loadCorpus } from '../src/worker/corpora';
import { createRun, isFinished, trainChunk } from '../src/worker/run';
import { CHROMIUM_OPTIONS } from './browserPage';
import { freePort, startPreview } from './preview';
import { wasmBackend } from './wasmModule';

export interface FileBenchOptions {
  root: string;
  dist: string;
  file: string;
  preset: string | undefined;
  /** Extra URL parameters, e.g. `seed=2`. */
  params: string;
  /** Give up waiting for "Finished" after this many seconds. */
  timeoutSeconds: number;
}

const log = (text: string): void => void process.stderr.write(`${text}\n`);
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The link's query: the preset's settings and words on a text of one's own, seed 1. */
function queryOf(options: FileBenchOptions): string {
  const state = shareStateOf(initialConfigState());
  state.corpus = 'custom';
  if (options.preset) {
    const preset = PRESETS.find((p) => p.id === options.preset);
    if (!preset) throw new Error(`--preset must be one of ${PRESETS.map((p) => p.id).join(', ')}`);
    state.config = { ...preset.config, seed: 1 };
    if (preset.words) state.view = { words: [...preset.words], top: 0, vectors: 'center' };
  } else state.config = { ...state.config, seed: 1 };
  const query = serializeState(state);
  return options.params ? `${query}&${options.params}` : query;
}

/**
 * Installed before the page's scripts (a string: tsx's keepNames would wrap a function's inner
 * names in a helper the page does not have): long tasks, and the first times the status region
 * says "Training" and "Finished".
 */
const PROBE_SCRIPT = `
  window.__run = { longTasks: [], trainingAt: null, finishedAt: null, finishedText: '' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__run.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const el = document.querySelector('[role=status]');
    const text = el ? el.textContent || '' : '';
    const run = window.__run;
    if (run.trainingAt === null && /(^|\\. )Training /.test(text)) run.trainingAt = performance.now();
    if (run.trainingAt !== null && run.finishedAt === null && /(^|\\. )Finished /.test(text)) {
      run.finishedAt = performance.now();
      run.finishedText = text;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

interface RunProbe {
  longTasks: { start: number; duration: number }[];
  trainingAt: number | null;
  finishedAt: number | null;
  finishedText: string;
}

async function readout(page: Page, label: string): Promise<string> {
  return (await page.getByLabel(label, { exact: true }).textContent()) ?? '';
}

/** Opens the link, hands over the file, waits for "Finished"; the page's numbers. */
async function browserRun(baseUrl: string, query: string, options: FileBenchOptions) {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(PROBE_SCRIPT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/?${query}`);
    const input = page.getByLabel('Open a text file', { exact: true });
    await input.waitFor({ state: 'attached', timeout: 60_000 });
    const givenAt = await page.evaluate(() => performance.now());
    await input.setInputFiles(options.file);
    log('browser: file given; waiting for "Finished"');
    await page.waitForFunction(
      () => (window as unknown as { __run: RunProbe }).__run.finishedAt !== null,
      undefined,
      { timeout: options.timeoutSeconds * 1000, polling: 200 },
    );
    const probe = await page.evaluate(() => (window as unknown as { __run: RunProbe }).__run);
    const from = probe.trainingAt!;
    const to = probe.finishedAt!;
    const seconds = (to - from) / 1000;
    const updates = Number((await readout(page, 'SGD updates')).replace(/[^\d]/g, ''));
    const tasks = probe.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
    return {
      fileToTrainingSeconds: round((from - givenAt) / 1000),
      trainSeconds: round(seconds),
      updates,
      iterationsPerSecond: Math.round(updates / seconds),
      finalSmoothedLoss: Number(
        /smoothed loss (\d+(?:\.\d+)?)/.exec(probe.finishedText)?.[1] ?? NaN,
      ),
      lossReadout: await readout(page, 'Loss (smoothed)'),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasksMs: tasks.map((t) => t.duration),
      finishedText: probe.finishedText,
      pageErrors: errors,
    };
  } finally {
    await browser.close();
  }
}

/** The same file and settings in Node, through the worker's run code, to the end. */
async function nodeRun(query: string, options: FileBenchOptions) {
  const { state } = parseState(query);
  const text = readFileSync(options.file, 'utf8');
  const loaded = await loadCorpus(
    { kind: 'text', name: path.basename(options.file), text },
    state.minCount === null ? {} : { minCount: state.minCount },
    { fetchText: () => Promise.reject(new Error('no built-in corpus')), progress: async () => {} },
  );
  const run = createRun(1, loaded.corpus, state.config, undefined, wasmBackend());
  const now = (): number => performance.now();
  const start = now();
  while (!isFinished(run)) trainChunk(run, Number.POSITIVE_INFINITY, now);
  const seconds = (now() - start) / 1000;
  const { tokens, vocabSize, sentences, format } = loaded.info;
  return {
    config: state.config,
    corpusStats: { format, tokens, vocabSize, sentences },
    node: {
      kernel: 'wasm',
      trainSeconds: round(seconds),
      iterationsPerSecond: Math.round(run.engine.progress().step / seconds),
      finalSmoothedLoss: round(run.recorder.smoothed(), 3),
      version: process.version,
    },
  };
}

/** The whole benchmark; prints its JSON document. */
export async function runFileBench(options: FileBenchOptions): Promise<void> {
  const query = queryOf(options);
  const loadBefore = os.loadavg()[0]!;
  const port = await freePort();
  const server = await startPreview(options.root, options.dist, port);
  log(`vite preview on port ${port} (pid ${server.pid}); ?${query}`);
  let browser: Awaited<ReturnType<typeof browserRun>>;
  try {
    browser = await browserRun(`http://127.0.0.1:${port}`, query, options);
  } finally {
    server.kill('SIGTERM');
  }
  log(`browser: ${browser.trainSeconds} s; now Node`);
  const node = await nodeRun(query, options);
  const output = {
    file: options.file,
    preset: options.preset ?? null,
    query: `?${query}`,
    browser,
    ...node,
    chromium: '/usr/bin/chromium (headless)',
    loadAverage: {
      before: round(loadBefore),
      after: round(os.loadavg()[0]!),
      cores: os.cpus().length,
    },
  };
  console.log(JSON.stringify(output, null, 2));
}
