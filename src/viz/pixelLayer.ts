/**
 * The word map's bottom layer, painted in JavaScript into one RGBA pixel buffer that the renderer
 * puts on the canvas with a single `putImageData` per frame: the background dots, the label
 * backings and the labelled points, in that order. Canvas paths do not scale to 11,000 marks on
 * a CPU-rastered canvas (no GPU, as in the headless benchmark): 10,000 squares cost 8–19 ms per
 * frame to rasterise as a path or as `fillRect`s, and 1,000 anti-aliased circles several more,
 * while writing the same pixels costs about a millisecond. The text, leader lines and rings stay
 * canvas drawing on top. Pure functions on typed arrays: tested in Node, no allocation per frame.
 */

/** A device-pixel RGBA buffer (ImageData's layout) and the clip rectangle marks stay inside. */
export interface PixelLayer {
  width: number;
  height: number;
  /** The pixels as bytes, 4 per pixel, R G B A, row-major. */
  bytes: Uint8ClampedArray;
  /** The same memory, one 32-bit value per pixel (platform byte order, see `packColor`). */
  pixels: Uint32Array;
  /** Clip rectangle in device pixels: x in [x0, x1), y in [y0, y1). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A layer over `bytes` (an ImageData's `data`, or a fresh buffer in tests), clipped to all of it. */
export function createPixelLayer(
  bytes: Uint8ClampedArray,
  width: number,
  height: number,
): PixelLayer {
  const pixels = new Uint32Array(bytes.buffer, bytes.byteOffset, width * height);
  return { width, height, bytes, pixels, x0: 0, y0: 0, x1: width, y1: height };
}

/** Clears the layer to transparent and clips later marks to a CSS-pixel rectangle at `dpr`. */
export function resetLayer(
  layer: PixelLayer,
  bounds: { left: number; top: number; right: number; bottom: number },
  dpr: number,
): void {
  layer.pixels.fill(0);
  layer.x0 = Math.max(0, Math.ceil(bounds.left * dpr));
  layer.y0 = Math.max(0, Math.ceil(bounds.top * dpr));
  layer.x1 = Math.min(layer.width, Math.floor(bounds.right * dpr));
  layer.y1 = Math.min(layer.height, Math.floor(bounds.bottom * dpr));
}

/** `rgba` as one 32-bit pixel in the platform's byte order (what `pixels` holds). */
export function packColor(rgba: readonly [number, number, number, number]): number {
  return new Uint32Array(Uint8Array.from(rgba).buffer)[0]!;
}

/**
 * Source-over of one unpremultiplied RGBA colour at byte offset `k`:
 * a = aₛ + a_d(1 − aₛ),  c = (cₛaₛ + c_d a_d (1 − aₛ)) / a  (a in [0, 1]).
 * A transparent or opaque destination (almost every pixel here) takes the short way.
 */
function blend(bytes: Uint8ClampedArray, k: number, r: number, g: number, b: number, a: number) {
  const dstAlpha = bytes[k + 3]!;
  if (dstAlpha === 0) {
    bytes[k] = r;
    bytes[k + 1] = g;
    bytes[k + 2] = b;
    bytes[k + 3] = a;
    return;
  }
  const sa = a / 255;
  if (dstAlpha === 255) {
    bytes[k] = bytes[k]! + (r - bytes[k]!) * sa;
    bytes[k + 1] = bytes[k + 1]! + (g - bytes[k + 1]!) * sa;
    bytes[k + 2] = bytes[k + 2]! + (b - bytes[k + 2]!) * sa;
    return;
  }
  const da = (dstAlpha / 255) * (1 - sa);
  const oa = sa + da;
  bytes[k] = (r * sa + bytes[k]! * da) / oa;
  bytes[k + 1] = (g * sa + bytes[k + 1]! * da) / oa;
  bytes[k + 2] = (b * sa + bytes[k + 2]! * da) / oa;
  bytes[k + 3] = oa * 255;
}

/**
 * Background dots: an opaque square of `side` device pixels for each point [from, to) of
 * interleaved `screen` (CSS px, scaled by `dpr`), centred on it and clipped to the layer's clip.
 * Non-finite points are skipped. Returns how many dots were painted.
 */
export function paintDots(
  layer: PixelLayer,
  screen: Float32Array,
  from: number,
  to: number,
  dpr: number,
  side: number,
  color: number,
): number {
  const { pixels, width, x0, y0, x1, y1 } = layer;
  let count = 0;
  for (let i = from; i < to; i++) {
    const left = Math.round(screen[2 * i]! * dpr - side / 2);
    const top = Math.round(screen[2 * i + 1]! * dpr - side / 2);
    // NaN fails these tests, so a point without a position is skipped.
    if (!(left + side > x0 && left < x1 && top + side > y0 && top < y1)) continue;
    const xa = Math.max(x0, left);
    const xb = Math.min(x1, left + side);
    const yb = Math.min(y1, top + side);
    for (let y = Math.max(y0, top); y < yb; y++) {
      for (let o = y * width + xa; o < y * width + xb; o++) pixels[o] = color;
    }
    count++;
  }
  return count;
}

/**
 * Translucent boxes (label backings): for each index i of `order` with `isPlaced[i]`, the box
 * at (offsetX + left[i], offsetY + top[i]) of `widths[i]` × `height` CSS px, blended source-over
 * with `rgba` and clipped. A transparent pixel (most of them) just takes the colour; only pixels
 * already painted are blended. Returns how many boxes were painted.
 */
export function paintBoxes(
  layer: PixelLayer,
  boxes: { order: Int32Array; isPlaced: Uint8Array; left: Float32Array; top: Float32Array },
  widths: Float32Array,
  height: number,
  offsetX: number,
  offsetY: number,
  dpr: number,
  rgba: readonly [number, number, number, number],
): number {
  const { bytes, pixels, width, x0, y0, x1, y1 } = layer;
  const [r, g, b, a] = rgba;
  const packed = packColor(rgba);
  let count = 0;
  for (let k = 0; k < boxes.order.length; k++) {
    const i = boxes.order[k]!;
    if (!boxes.isPlaced[i]) continue;
    const left = Math.max(x0, Math.round((offsetX + boxes.left[i]!) * dpr));
    const top = Math.max(y0, Math.round((offsetY + boxes.top[i]!) * dpr));
    const right = Math.min(x1, Math.round((offsetX + boxes.left[i]! + widths[i]!) * dpr));
    const bottom = Math.min(y1, Math.round((offsetY + boxes.top[i]! + height) * dpr));
    for (let y = top; y < bottom; y++) {
      for (let o = y * width + left; o < y * width + right; o++) {
        if (pixels[o] === 0) pixels[o] = packed;
        else blend(bytes, 4 * o, r, g, b, a);
      }
    }
    count++;
  }
  return count;
}

/** A small image stamped at many places: `size` × `size` device pixels, anchored at `center`. */
export interface Sprite {
  size: number;
  center: number;
  /** Unpremultiplied RGBA bytes, row-major. */
  rgba: Uint8ClampedArray;
  /** Opaque pixels (copied as they are): column, row and packed colour of each. */
  opaqueX: Int32Array;
  opaqueY: Int32Array;
  opaqueColor: Uint32Array;
  /** Partly transparent pixels (the anti-aliased rim, blended): column and row of each. */
  edgeX: Int32Array;
  edgeY: Int32Array;
}

/**
 * A sprite from unpremultiplied RGBA bytes (an ImageData's `data`) of `size` × `size` pixels.
 * Its pixels are sorted once into opaque, partly transparent and empty ones, so stamping visits
 * only the pixels that change something, without testing each one.
 */
export function createSprite(rgba: Uint8ClampedArray, size: number): Sprite {
  const copy = Uint8ClampedArray.from(rgba.subarray(0, 4 * size * size));
  const packed = new Uint32Array(copy.buffer);
  const opaque: number[] = [];
  const edge: number[] = [];
  for (let j = 0; j < size * size; j++) {
    if (copy[4 * j + 3] === 255) opaque.push(j);
    else if (copy[4 * j + 3]! > 0) edge.push(j);
  }
  return {
    size,
    center: size / 2,
    rgba: copy,
    opaqueX: Int32Array.from(opaque, (j) => j % size),
    opaqueY: Int32Array.from(opaque, (j) => Math.floor(j / size)),
    opaqueColor: Uint32Array.from(opaque, (j) => packed[j]!),
    edgeX: Int32Array.from(edge, (j) => j % size),
    edgeY: Int32Array.from(edge, (j) => Math.floor(j / size)),
  };
}

/**
 * Stamps `sprites[b]` at every point of batch b (`indices[start[b] … start[b+1])`, positions in
 * `screen`, CSS px), each at a whole device pixel, source-over and clipped.
 */
export function stampSprites(
  layer: PixelLayer,
  screen: Float32Array,
  batches: { start: Int32Array; indices: Int32Array },
  sprites: readonly Sprite[],
  dpr: number,
): void {
  const { x0, y0, x1, y1 } = layer;
  for (let b = 0; b < sprites.length; b++) {
    const sprite = sprites[b]!;
    const { size, center } = sprite;
    for (let k = batches.start[b]!; k < batches.start[b + 1]!; k++) {
      const i = batches.indices[k]!;
      const left = Math.round(screen[2 * i]! * dpr - center);
      const top = Math.round(screen[2 * i + 1]! * dpr - center);
      // NaN fails these tests, so a point without a position is skipped.
      if (!(left + size > x0 && left < x1 && top + size > y0 && top < y1)) continue;
      const isInside = left >= x0 && left + size <= x1 && top >= y0 && top + size <= y1;
      stampOne(layer, sprite, left, top, isInside);
    }
  }
}

/** One sprite with its top-left at (left, top); pixels outside the clip are skipped unless `isInside`. */
function stampOne(layer: PixelLayer, sprite: Sprite, left: number, top: number, isInside: boolean) {
  const { bytes, pixels, width, x0, y0, x1, y1 } = layer;
  const { opaqueX, opaqueY, opaqueColor, edgeX, edgeY, rgba, size } = sprite;
  for (let j = 0; j < opaqueX.length; j++) {
    const x = left + opaqueX[j]!;
    const y = top + opaqueY[j]!;
    if (isInside || (x >= x0 && x < x1 && y >= y0 && y < y1))
      pixels[y * width + x] = opaqueColor[j]!;
  }
  for (let j = 0; j < edgeX.length; j++) {
    const x = left + edgeX[j]!;
    const y = top + edgeY[j]!;
    if (!isInside && !(x >= x0 && x < x1 && y >= y0 && y < y1)) continue;
    const s = 4 * (edgeY[j]! * size + edgeX[j]!);
    blend(bytes, 4 * (y * width + x), rgba[s]!, rgba[s + 1]!, rgba[s + 2]!, rgba[s + 3]!);
  }
}
