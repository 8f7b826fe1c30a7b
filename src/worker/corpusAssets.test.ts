import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssetLoader, gunzipText, type AssetCorpusId } from './corpusAssets';
import { createTrainer } from './trainer';
import { DEFAULT_VIEW_WORDS } from './views';

// The build script runs here into a temporary folder, so this test does not depend on (or
// disturb) public/generated.
let outDir = '';
const asset = (id: AssetCorpusId) => readFileSync(join(outDir, `${id}.txt.gz`));

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'corpora-'));
  execFileSync('node', ['scripts/build-corpora.mjs', outDir, '--force'], { stdio: 'pipe' });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('scripts/build-corpora.mjs', () => {
  it('Moby Dick: front matter, then the chapters in numeric order, then the epilogue; line breaks kept', async () => {
    const text = await gunzipText(asset('moby'));
    expect(text.length).toBeGreaterThan(1_100_000);
    const at = (s: string) => text.indexOf(s);
    expect(at('ETYMOLOGY')).toBeGreaterThanOrEqual(0);
    expect(at('Call me Ishmael.')).toBeGreaterThan(at('ETYMOLOGY'));
    expect(at('CHAPTER 2. ')).toBeGreaterThan(at('CHAPTER 1. '));
    expect(at('CHAPTER 10. ')).toBeGreaterThan(at('CHAPTER 9. '));
    expect(at('CHAPTER 100. ')).toBeGreaterThan(at('CHAPTER 99. '));
    expect(at('Epilogue') > at('CHAPTER 135. ')).toBe(true);
    expect(text.split('\n').length).toBeGreaterThan(2000);
    // The table of contents and the hard-wrapped copy of the whole book are left out.
    expect(text.split('Call me Ishmael.').length).toBe(2);
  });

  it('State of the Union: 1790 first, 2021 last, one address after another', async () => {
    const text = await gunzipText(asset('sotu'));
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(text.startsWith('Fellow-Citizens of the Senate and House of Representatives')).toBe(
      true,
    );
    for (const word of ['Congress', 'Union', 'liberty', 'economy']) expect(text).toContain(word);
  });

  it('the output is the same bytes every time (gzip without a timestamp)', () => {
    const first = asset('sotu');
    execFileSync('node', ['scripts/build-corpora.mjs', outDir, '--force'], { stdio: 'pipe' });
    expect(Buffer.compare(asset('sotu'), first)).toBe(0);
    expect(first[0]).toBe(0x1f);
    expect(first[1]).toBe(0x8b);
  });
});

describe('the real built-in corpora in the trainer', () => {
  const loadTimes: Record<string, number> = {};
  afterAll(() => console.info('corpus load times (ms):', loadTimes));

  for (const id of ['moby', 'sotu'] as const) {
    it(`${id}: loads; every default word is in the vocabulary and seen at least 20 times`, async () => {
      const trainer = createTrainer({ fetchText: (which) => gunzipText(asset(which)) });
      const start = performance.now();
      const result = await trainer.init({ corpus: { kind: 'builtin', id } });
      loadTimes[id] = Math.round(performance.now() - start);
      if (!result.ok) throw new Error(result.errors.join());
      expect(result.corpus.tokens).toBeGreaterThan(id === 'moby' ? 190_000 : 1_700_000);
      const view = await trainer.getView();
      expect(view.missing).toEqual([]);
      expect(view.shown.map((s) => s.word)).toEqual(DEFAULT_VIEW_WORDS[id]);
      for (const s of view.shown) expect(s.count, s.word).toBeGreaterThanOrEqual(20);
    }, 30_000);
  }
});

describe('createAssetLoader', () => {
  it('fetches <base>/<id>.txt.gz once, decodes it, and retries after a failure', async () => {
    const urls: string[] = [];
    let fail = true;
    const loader = createAssetLoader(async (url) => {
      urls.push(url.href);
      if (fail) throw new Error('HTTP 404 for /app/generated/moby.txt.gz');
      return new Uint8Array(gzipSync('call me ishmael'));
    });
    loader.setBase('https://example.test/app/generated');
    await expect(loader.load('moby')).rejects.toThrow(
      'could not load the built-in corpus "moby" (HTTP 404 for /app/generated/moby.txt.gz)',
    );
    fail = false;
    expect(await loader.load('moby')).toBe('call me ishmael');
    expect(await loader.load('moby')).toBe('call me ishmael');
    expect(urls).toEqual([
      'https://example.test/app/generated/moby.txt.gz',
      'https://example.test/app/generated/moby.txt.gz',
    ]);
  });

  it('bytes that are not gzip (already decoded by the browser) are read as UTF-8 text', async () => {
    expect(await gunzipText(new TextEncoder().encode('naïve text'))).toBe('naïve text');
  });
});
