import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { formatFloat32, readWord2vecText, writeWord2vecText } from './word2vecFormat';

/** The float32 bit patterns of an array, to compare bit for bit (NaN-safe, −0-aware). */
function bits(a: Float32Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
}

describe('formatFloat32', () => {
  it('prints short values briefly and trims zeros', () => {
    expect(formatFloat32(0.5)).toBe('0.5');
    expect(formatFloat32(-2)).toBe('-2');
    expect(formatFloat32(100)).toBe('100');
    expect(formatFloat32(0)).toBe('0');
    expect(formatFloat32(-0)).toBe('-0');
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(1e21)).toBe('1e+21');
  });

  it('round-trips extremes: float32 max, smallest normal and smallest subnormal', () => {
    const extremes = new Float32Array([
      3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45, -1e-40,
    ]);
    for (const x of extremes) {
      expect(Math.fround(Number(formatFloat32(x)))).toBe(x);
    }
  });

  it('round-trips 100k random float32 bit patterns exactly', () => {
    const rng = createRng(3);
    const raw = new Uint32Array(100_000);
    for (let i = 0; i < raw.length; i++) {
      // Random sign, exponent and mantissa; skip the exponent 255 (NaN/Infinity).
      let b = rng.nextUint32();
      if (((b >>> 23) & 0xff) === 0xff) b ^= 0x40000000;
      raw[i] = b;
    }
    const values = new Float32Array(raw.buffer);
    const back = Float32Array.from(values, (x) => Number(formatFloat32(x)));
    expect(bits(back)).toEqual(bits(values));
  });

  it('refuses NaN and Infinity', () => {
    expect(() => formatFloat32(NaN)).toThrow(/non-finite/);
    expect(() => formatFloat32(Infinity)).toThrow(/non-finite/);
    expect(() => formatFloat32(1e39)).toThrow(/non-finite/);
  });
});

describe('writeWord2vecText / readWord2vecText', () => {
  it('writes the W d header and one line per word', () => {
    const text = writeWord2vecText(['king', 'queen'], new Float32Array([0.5, -1, 0.25, 3]), 2);
    expect(text).toBe('2 2\nking 0.5 -1\nqueen 0.25 3\n');
  });

  it('round-trips random vectors bit for bit, -0 included', () => {
    const rng = createRng(11);
    const words = Array.from({ length: 50 }, (_, i) => `w${i}_é`);
    const vecs = new Float32Array(50 * 7).map(
      () => (rng.next() - 0.5) * 10 ** (rng.nextInt(12) - 6),
    );
    vecs[3] = -0;
    const back = readWord2vecText(writeWord2vecText(words, vecs, 7));
    expect(back.words).toEqual(words);
    expect(back.dim).toBe(7);
    expect(bits(back.vecs)).toEqual(bits(vecs));
  });

  it("reads word2vec.c's trailing spaces, CRLF, a BOM and blank lines", () => {
    const text = '\ufeff2 3 \r\n</s> 0.1 0.2 0.3 \r\n\r\nthe\t-1 2e-3 +4.5 \r\n\r\n';
    const back = readWord2vecText(text);
    expect(back.words).toEqual(['</s>', 'the']);
    expect(Array.from(back.vecs)).toEqual([0.1, 0.2, 0.3, -1, 2e-3, 4.5].map(Math.fround));
  });

  it('reads an empty model', () => {
    expect(readWord2vecText('0 5\n')).toEqual({ words: [], dim: 5, vecs: new Float32Array(0) });
  });

  it('malformed header: names line 1', () => {
    expect(() => readWord2vecText('')).toThrow(/line 1: expected a header/);
    expect(() => readWord2vecText('2\na 1\n')).toThrow(/line 1/);
    expect(() => readWord2vecText('2 x\na 1\n')).toThrow(/line 1/);
    expect(() => readWord2vecText('1 0\na\n')).toThrow(/line 1/);
    expect(() => readWord2vecText('1.5 2\na 1 2\n')).toThrow(/line 1/);
  });

  it('wrong number of values on a line: names the line and the counts', () => {
    expect(() => readWord2vecText('1 3\nking 1 2\n')).toThrow(
      /line 2: expected a word and 3 values, found 2/,
    );
    expect(() => readWord2vecText('1 1\nking 1 2\n')).toThrow(/line 2: .*found 2/);
  });

  it('wrong number of words: fewer or more than the header says', () => {
    expect(() => readWord2vecText('3 1\na 1\nb 2\n')).toThrow(/announces 3 words, found 2/);
    expect(() => readWord2vecText('1 1\na 1\nb 2\n')).toThrow(
      /line 3: the header announces 1 words, found more/,
    );
  });

  it('NaN, inf, hex and garbage values are rejected with their line and position', () => {
    expect(() => readWord2vecText('1 2\na 1 NaN\n')).toThrow(
      /line 2: value 2 "NaN" is not a finite number/,
    );
    expect(() => readWord2vecText('1 2\na nan 1\n')).toThrow(/value 1 "nan"/);
    expect(() => readWord2vecText('1 1\na inf\n')).toThrow(/not a finite/);
    expect(() => readWord2vecText('1 1\na 0x10\n')).toThrow(/not a finite/);
    expect(() => readWord2vecText('1 1\na 1e39\n')).toThrow(/not a finite/);
    expect(() => readWord2vecText('1 1\na 1,5\n')).toThrow(/not a finite/);
  });

  it('duplicate words are rejected', () => {
    expect(() => readWord2vecText('2 1\na 1\na 2\n')).toThrow(/line 3: duplicate word "a"/);
  });

  it('writing refuses words with whitespace, shape mismatches and NaN', () => {
    expect(() => writeWord2vecText(['new york'], new Float32Array(1), 1)).toThrow(/whitespace/);
    expect(() => writeWord2vecText([''], new Float32Array(1), 1)).toThrow(/empty/);
    expect(() => writeWord2vecText(['a'], new Float32Array(3), 2)).toThrow(/expected 1×2/);
    expect(() => writeWord2vecText(['a'], new Float32Array([NaN]), 1)).toThrow(/non-finite/);
  });
});
