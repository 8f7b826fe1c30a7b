/**
 * The word2vec text format, as written by word2vec.c (`-binary 0`) and read by gensim's
 * `KeyedVectors.load_word2vec_format(binary=False)`:
 *
 *     W d
 *     word_0 v_00 v_01 … v_0(d−1)
 *     …
 *     word_(W−1) v_(W−1)0 … v_(W−1)(d−1)
 *
 * one word per line, fields separated by spaces. Vectors are the rows of a W×d row-major
 * `Float32Array`. Numbers are printed with the fewest significant digits (6 … 9) that parse back
 * to the same float32, so write → read is bit-exact.
 */

/** Words and their vectors: row i of `vecs` (W×d, row-major) belongs to `words[i]`. */
export interface Word2vecText {
  words: string[];
  /** Dimension d. */
  dim: number;
  vecs: Float32Array;
}

/**
 * Shortest decimal text that parses back to the float32 `x`: Math.fround(Number(s)) === x.
 * 9 significant digits always suffice for float32; fewer are tried first. −0 keeps its sign.
 *
 * @throws on NaN or ±Infinity, which the format cannot carry
 */
export function formatFloat32(x: number): string {
  const f = Math.fround(x);
  if (!Number.isFinite(f))
    throw new Error(`cannot write non-finite value ${x} in word2vec text format`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  for (let digits = 6; digits < 9; digits++) {
    const s = trimZeros(f.toPrecision(digits));
    if (Math.fround(Number(s)) === f) return s;
  }
  return trimZeros(f.toPrecision(9));
}

/** "1.2500" → "1.25", "3.000e-7" → "3e-7", "100" stays "100". */
function trimZeros(s: string): string {
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? '' : s.slice(e);
  if (!mantissa.includes('.')) return s;
  return mantissa.replace(/\.?0+$/, '') + exponent;
}

/**
 * Writes words and vectors (W×d row-major, W = words.length) as word2vec text, ending with a
 * newline.
 *
 * @throws when a word is empty or contains whitespace, when the shape does not match, or when a
 *   value is not finite
 */
export function writeWord2vecText(words: readonly string[], vecs: Float32Array, d: number): string {
  if (!Number.isInteger(d) || d < 1)
    throw new Error(`dimension must be a positive integer, got ${d}`);
  if (vecs.length !== words.length * d) {
    throw new Error(
      `expected ${words.length}×${d} = ${words.length * d} values, got ${vecs.length}`,
    );
  }
  const lines: string[] = [`${words.length} ${d}`];
  const fields = new Array<string>(d + 1);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.length === 0 || /\s/.test(word))
      throw new Error(`word ${i} ${JSON.stringify(word)} is empty or has whitespace`);
    fields[0] = word;
    for (let j = 0; j < d; j++) fields[j + 1] = formatFloat32(vecs[i * d + j]!);
    lines.push(fields.join(' '));
  }
  return lines.join('\n') + '\n';
}

// A decimal number as C's strtof accepts it (no hex, no "nan"/"inf" words).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FIELD_SEPARATOR = /[ \t]+/;

/** Parses the `W d` header line. */
function parseHeader(line: string | undefined): { W: number; d: number } {
  const fields = (line ?? '').trim().split(FIELD_SEPARATOR);
  const [W, d] = fields.map(Number);
  if (fields.length !== 2 || !Number.isInteger(W) || !Number.isInteger(d) || W! < 0 || d! < 1) {
    throw new Error(
      `line 1: expected a header "W d" (word count, dimension), got ${JSON.stringify(line ?? '')}`,
    );
  }
  return { W: W!, d: d! };
}

/** Parses one vector line into row `row` of vecs; lineNo is 1-based, for messages. */
function parseRow(
  line: string,
  lineNo: number,
  d: number,
  vecs: Float32Array,
  row: number,
): string {
  const fields = line.trim().split(FIELD_SEPARATOR);
  if (fields.length !== d + 1) {
    throw new Error(
      `line ${lineNo}: expected a word and ${d} values, found ${fields.length - 1} values`,
    );
  }
  for (let j = 0; j < d; j++) {
    const text = fields[j + 1]!;
    const value = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(value) || !Number.isFinite(Math.fround(value))) {
      throw new Error(
        `line ${lineNo}: value ${j + 1} ${JSON.stringify(text)} is not a finite number`,
      );
    }
    vecs[row * d + j] = value;
  }
  return fields[0]!;
}

/**
 * Reads word2vec text. Tolerates a byte-order mark, CRLF line ends, trailing spaces or tabs
 * (word2vec.c ends each line with a space) and blank lines.
 *
 * @returns words in file order and their vectors as a W×d row-major Float32Array
 * @throws an Error naming the line for a bad header, a wrong number of values or of words, a
 *   value that is not a finite decimal number (NaN, inf, hex, garbage) or a duplicate word
 */
export function readWord2vecText(text: string): Word2vecText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  const { W, d } = parseHeader(lines[0]);
  const vecs = new Float32Array(W * d);
  const words: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().length === 0) continue;
    if (words.length === W)
      throw new Error(`line ${i + 1}: the header announces ${W} words, found more`);
    const word = parseRow(line, i + 1, d, vecs, words.length);
    if (seen.has(word)) throw new Error(`line ${i + 1}: duplicate word ${JSON.stringify(word)}`);
    seen.add(word);
    words.push(word);
  }
  if (words.length !== W) throw new Error(`the header announces ${W} words, found ${words.length}`);
  return { words, dim: d, vecs };
}
