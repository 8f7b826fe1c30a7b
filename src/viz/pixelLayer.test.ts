import { describe, expect, it } from 'vitest';
import {
  createPixelLayer,
  createSprite,
  packColor,
  paintBoxes,
  paintDots,
  resetLayer,
  stampSprites,
  type PixelLayer,
} from './pixelLayer';

const GREY = [100, 110, 120, 255] as const;

function layerOf(width: number, height: number): PixelLayer {
  const layer = createPixelLayer(new Uint8ClampedArray(4 * width * height), width, height);
  resetLayer(layer, { left: 0, top: 0, right: width, bottom: height }, 1);
  return layer;
}

/** The RGBA bytes of pixel (x, y). */
const at = (layer: PixelLayer, x: number, y: number) =>
  Array.from(layer.bytes.subarray(4 * (y * layer.width + x), 4 * (y * layer.width + x) + 4));

/** Which pixels are not transparent, as "x,y" strings. */
const painted = (layer: PixelLayer) => {
  const out: string[] = [];
  for (let y = 0; y < layer.height; y++)
    for (let x = 0; x < layer.width; x++)
      if (layer.pixels[y * layer.width + x] !== 0) out.push(`${x},${y}`);
  return out;
};

describe('pixel layer', () => {
  it('packColor gives the bytes back in RGBA order through the Uint32 view', () => {
    const layer = layerOf(1, 1);
    layer.pixels[0] = packColor([1, 2, 3, 4]);
    expect(at(layer, 0, 0)).toEqual([1, 2, 3, 4]);
  });

  it('paintDots: a square of `side` pixels centred on each point in [from, to), NaN skipped', () => {
    const layer = layerOf(10, 10);
    const screen = Float32Array.of(1, 1, 3, 3, NaN, 5, 8, 8);
    expect(paintDots(layer, screen, 1, 4, 1, 2, packColor(GREY))).toBe(2);
    // Point 0 is before `from`; point 1 covers 2…3, point 3 covers 7…8 in both directions.
    expect(painted(layer)).toEqual(['2,2', '3,2', '2,3', '3,3', '7,7', '8,7', '7,8', '8,8']);
    expect(at(layer, 2, 2)).toEqual([...GREY]);
  });

  it('marks are clipped to the clip rectangle, scaled by the pixel ratio', () => {
    const layer = layerOf(12, 12);
    resetLayer(layer, { left: 2, top: 2, right: 4, bottom: 4 }, 2);
    // At dpr 2 the clip is device pixels 4…7; a 4-px square at (3.5, 3.5) CSS covers 5…8.
    paintDots(layer, Float32Array.of(3.5, 3.5), 0, 1, 2, 4, packColor(GREY));
    expect(painted(layer)).toEqual(['5,5', '6,5', '7,5', '5,6', '6,6', '7,6', '5,7', '6,7', '7,7']);
  });

  it('resetLayer clears every pixel to transparent', () => {
    const layer = layerOf(4, 4);
    layer.pixels.fill(packColor(GREY));
    resetLayer(layer, { left: 0, top: 0, right: 4, bottom: 4 }, 1);
    expect(painted(layer)).toEqual([]);
  });

  it('paintBoxes: placed boxes only, offset by the plot corner; over a dot it blends', () => {
    const layer = layerOf(10, 6);
    layer.pixels[1 * 10 + 4] = packColor([0, 0, 0, 255]);
    const boxes = {
      order: Int32Array.of(0, 1),
      isPlaced: Uint8Array.of(1, 0),
      left: Float32Array.of(2, 0),
      top: Float32Array.of(0, 0),
    };
    expect(paintBoxes(layer, boxes, Float32Array.of(3, 5), 2, 1, 1, 1, [255, 255, 255, 128])).toBe(
      1,
    );
    expect(painted(layer)).toEqual(['3,1', '4,1', '5,1', '3,2', '4,2', '5,2']);
    // Over transparent: the box colour as it is; over opaque black: half way to white, opaque.
    expect(at(layer, 3, 1)).toEqual([255, 255, 255, 128]);
    expect(at(layer, 4, 1)).toEqual([128, 128, 128, 255]);
  });

  it('stampSprites: opaque pixels copied, rim pixels blended, empty ones left, clipped at edges', () => {
    // A 3×3 sprite: opaque red centre, half-transparent red cross arms, empty corners.
    const rgba = new Uint8ClampedArray(36);
    for (const [j, a] of [
      [4, 255],
      [1, 128],
      [3, 128],
      [5, 128],
      [7, 128],
    ] as const) {
      rgba.set([255, 0, 0, a], 4 * j);
    }
    const sprite = createSprite(rgba, 3);
    const layer = layerOf(6, 6);
    layer.pixels.fill(packColor([0, 0, 255, 255]), 0, 6);
    const batches = { start: Int32Array.of(0, 2), indices: Int32Array.of(0, 1) };
    // Point 0 centred on pixel (2, 1) (centre 1.5 → top-left 1, 0); point 1 half off the left edge.
    stampSprites(layer, Float32Array.of(2.5, 1.5, 0.5, 4.5), batches, [sprite], 1);
    expect(at(layer, 2, 1)).toEqual([255, 0, 0, 255]);
    // The arm above the centre lies on the blue first row: blended half way, still opaque.
    expect(at(layer, 2, 0)).toEqual([128, 0, 127, 255]);
    // An arm over transparency keeps its own alpha; a corner changes nothing.
    expect(at(layer, 2, 2)).toEqual([255, 0, 0, 128]);
    expect(at(layer, 1, 2)).toEqual([0, 0, 0, 0]);
    // Point 1: only the pixels inside the layer are drawn (centre at x 0).
    expect(at(layer, 0, 4)).toEqual([255, 0, 0, 255]);
    expect(at(layer, 1, 4)).toEqual([255, 0, 0, 128]);
  });

  it('a point without a finite position stamps nothing', () => {
    const sprite = createSprite(new Uint8ClampedArray(4).fill(255), 1);
    const layer = layerOf(3, 3);
    const batches = { start: Int32Array.of(0, 1), indices: Int32Array.of(0) };
    stampSprites(layer, Float32Array.of(NaN, 1), batches, [sprite], 1);
    expect(painted(layer)).toEqual([]);
  });
});
