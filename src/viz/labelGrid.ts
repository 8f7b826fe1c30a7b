/**
 * Label placement on a collision grid: labels are taken in priority order and each is put at the
 * first of a few spots around its point where it overlaps no label placed before it. Placed boxes
 * are registered in a uniform grid of cells, so a test looks only at the few boxes in the cells
 * the candidate covers: O(labels × spots) overall instead of O(labels²).
 *
 * Priority labels (requested, pinned or hovered words) come first and may also try spots farther
 * out; if every spot is taken, a priority label is placed anyway at its first spot, because a word
 * the user asked for must always be named. Other labels are simply dropped when crowded.
 */

/** Inputs, all in screen pixels. Index i refers to one label/point. */
export interface LabelRequest {
  /** Labels in `order` are considered; indices refer to the arrays below. */
  order: Int32Array;
  /** How many of `order` to consider. */
  orderCount: number;
  /** The first `priorityCount` entries of `order` must be placed. */
  priorityCount: number;
  anchorX: Float32Array;
  anchorY: Float32Array;
  /** Text width of each label. */
  widths: Float32Array;
  /** Box height shared by all labels. */
  boxHeight: number;
  /** Gap between a point's centre and its label. */
  gap: number;
  viewWidth: number;
  viewHeight: number;
}

/**
 * Where the labels went: box top-left per label index; `isPlaced[i]` is 1 when drawn, and
 * `hasLeader[i]` is 1 when a priority label had to move out along a ray, away from its point (the
 * drawing gives a leader line to these and to every other label set far from its point).
 */
export interface LabelPlacement {
  left: Float32Array;
  top: Float32Array;
  isPlaced: Uint8Array;
  hasLeader: Uint8Array;
  placedCount: number;
}

/** Directions tried for a label moved away from its point, and how far it may go (px). */
const LEADER_DIRECTIONS = 24;
const LEADER_REACH = 180;
/**
 * Spots tested for leader labels per placement, all labels together: a bound on the work when
 * hundreds of requested words crowd one spot (beyond it, the rest overlap as a last resort).
 */
const LEADER_BUDGET = 12_000;

/**
 * Spots around a point: `SPOT_SIDE` −1 = left of the point, 0 = centred on it, 1 = right of it;
 * `SPOT_ROW` = rows of label height up (−) or down (+) from the point's own row. The first eight
 * (right, left, above, below, then the diagonals) are for every label; priority labels may go on
 * to rows farther up and down, stacking beside their point.
 */
const SPOT_SIDE = [1, -1, 0, 0, 1, 1, -1, -1];
const SPOT_ROW = [0, 0, -1, 1, -1, 1, -1, 1];
const FIRST_SPOTS = SPOT_SIDE.length;
for (let row = 2; row <= 5; row++) {
  for (const side of [1, -1, 0]) {
    SPOT_SIDE.push(side, side);
    SPOT_ROW.push(-row, row);
  }
}

export interface LabelPlacer {
  place(request: LabelRequest): LabelPlacement;
}

/** A placer whose buffers are reused between calls (no allocation once warmed up). */
export function createLabelPlacer(cellSize = 32): LabelPlacer {
  let cellHead = new Int32Array(0);
  let entryNext = new Int32Array(1024);
  let entryBox = new Int32Array(1024);
  let entryCount = 0;
  let boxes = new Float32Array(4 * 256); // left, top, right, bottom per placed box
  let boxCount = 0;
  let cols = 0;
  let rows = 0;
  let leaderBudget = 0;
  const out: LabelPlacement = {
    left: new Float32Array(0),
    top: new Float32Array(0),
    isPlaced: new Uint8Array(0),
    hasLeader: new Uint8Array(0),
    placedCount: 0,
  };

  const reset = (request: LabelRequest): void => {
    cols = Math.max(1, Math.ceil(request.viewWidth / cellSize));
    rows = Math.max(1, Math.ceil(request.viewHeight / cellSize));
    if (cellHead.length < cols * rows) cellHead = new Int32Array(cols * rows);
    cellHead.fill(-1, 0, cols * rows);
    entryCount = 0;
    boxCount = 0;
    leaderBudget = LEADER_BUDGET;
    const n = request.anchorX.length;
    if (out.left.length < n) {
      out.left = new Float32Array(n);
      out.top = new Float32Array(n);
      out.isPlaced = new Uint8Array(n);
      out.hasLeader = new Uint8Array(n);
    }
    out.isPlaced.fill(0);
    out.hasLeader.fill(0);
    out.placedCount = 0;
  };

  // Cell index of a coordinate, clamped to the grid (boxes are inside the view anyway).
  const cellOf = (v: number, limit: number): number =>
    Math.min(limit - 1, Math.max(0, Math.floor(v / cellSize)));

  const collides = (l: number, t: number, r: number, b: number): boolean => {
    const c0 = cellOf(l, cols);
    const c1 = cellOf(r, cols);
    const r1 = cellOf(b, rows);
    for (let row = cellOf(t, rows); row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        for (let e = cellHead[row * cols + col]!; e !== -1; e = entryNext[e]!) {
          const k = 4 * entryBox[e]!;
          if (l < boxes[k + 2]! && r > boxes[k]! && t < boxes[k + 3]! && b > boxes[k + 1]!) {
            return true;
          }
        }
      }
    }
    return false;
  };

  const insert = (l: number, t: number, r: number, b: number): void => {
    if (4 * (boxCount + 1) > boxes.length) boxes = grow(boxes, boxes.length * 2);
    const id = boxCount++;
    boxes[4 * id] = l;
    boxes[4 * id + 1] = t;
    boxes[4 * id + 2] = r;
    boxes[4 * id + 3] = b;
    const c0 = cellOf(l, cols);
    const c1 = cellOf(r, cols);
    const r1 = cellOf(b, rows);
    for (let row = cellOf(t, rows); row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        if (entryCount === entryNext.length) {
          entryNext = grow(entryNext, entryCount * 2);
          entryBox = grow(entryBox, entryCount * 2);
        }
        const cell = row * cols + col;
        entryBox[entryCount] = id;
        entryNext[entryCount] = cellHead[cell]!;
        cellHead[cell] = entryCount++;
      }
    }
  };

  /** Fills out.left/top with box (l, t) if it is inside the view and free. */
  const tryBox = (request: LabelRequest, i: number, l: number, t: number): boolean => {
    const w = request.widths[i]!;
    const h = request.boxHeight;
    if (l < 0 || t < 0 || l + w > request.viewWidth || t + h > request.viewHeight) return false;
    if (collides(l, t, l + w, t + h)) return false;
    out.left[i] = l;
    out.top[i] = t;
    return true;
  };

  /**
   * Looks farther out for a priority label, on rays around its point, nearest first; the label
   * then gets a leader line. Returns true when a free spot was found.
   */
  const tryLeader = (request: LabelRequest, i: number): boolean => {
    const w = request.widths[i]!;
    const h = request.boxHeight;
    for (let reach = request.gap + 2 * h; reach <= LEADER_REACH; reach += h) {
      for (let d = 0; d < LEADER_DIRECTIONS; d++) {
        if (leaderBudget-- <= 0) return false;
        const angle = (2 * Math.PI * d) / LEADER_DIRECTIONS;
        const cx = request.anchorX[i]! + reach * Math.cos(angle);
        const cy = request.anchorY[i]! + reach * Math.sin(angle);
        const cos = Math.cos(angle);
        const l = cos > 0.3 ? cx : cos < -0.3 ? cx - w : cx - w / 2;
        if (tryBox(request, i, l, cy - h / 2)) return true;
      }
    }
    return false;
  };

  /** Tries up to `spots` spots of one label; fills out.left/top and returns true if one is free. */
  const tryPlace = (request: LabelRequest, i: number, spots: number): boolean => {
    const w = request.widths[i]!;
    const h = request.boxHeight;
    const x = request.anchorX[i]!;
    const y = request.anchorY[i]!;
    for (let s = 0; s < spots; s++) {
      const side = SPOT_SIDE[s]!;
      const l = side > 0 ? x + request.gap : side < 0 ? x - request.gap - w : x - w / 2;
      if (tryBox(request, i, l, y - h / 2 + SPOT_ROW[s]! * h)) return true;
    }
    return false;
  };

  return {
    place(request) {
      reset(request);
      const { order, orderCount, priorityCount, anchorX, anchorY, viewWidth, viewHeight } = request;
      for (let k = 0; k < orderCount; k++) {
        const i = order[k]!;
        const x = anchorX[i]!;
        const y = anchorY[i]!;
        // A point outside the view (or not yet positioned) gets no label.
        if (!(x >= 0 && x <= viewWidth && y >= 0 && y <= viewHeight)) continue;
        const isPriority = k < priorityCount;
        const isNear = tryPlace(request, i, isPriority ? SPOT_SIDE.length : FIRST_SPOTS);
        if (!isNear) {
          if (!isPriority) continue;
          if (tryLeader(request, i)) {
            out.hasLeader[i] = 1;
          } else {
            // Crowded beyond every spot: a requested word is still named, beside its point.
            out.left[i] = Math.min(x + request.gap, viewWidth - request.widths[i]!);
            out.top[i] = y - request.boxHeight / 2;
          }
        }
        const l = out.left[i]!;
        const t = out.top[i]!;
        insert(l, t, l + request.widths[i]!, t + request.boxHeight);
        out.isPlaced[i] = 1;
        out.placedCount++;
      }
      return out;
    },
  };
}

function grow<T extends Int32Array | Float32Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (n: number) => T)(size);
  grown.set(array);
  return grown;
}
