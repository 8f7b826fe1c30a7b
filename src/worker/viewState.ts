/**
 * The trainer's view: the requested words, their resolution against the loaded corpus and the
 * running model, the version the page watches, and the projector that draws them.
 */
import { createProjector } from './projector';
import type { LoadedCorpus } from './corpora';
import type { Frame, ViewRequest, ViewResult } from './protocol';
import type { Run } from './run';
import { defaultView, resolveView, sameView, type ResolvedView } from './views';

export type ViewState = ReturnType<typeof createViewState>;

/** A view state timed by `now` (ms), starting on the teaching corpus's default list. */
export function createViewState(now: () => number) {
  const projector = createProjector(now);
  let request: ViewRequest = defaultView('teaching');
  let resolved: ResolvedView = {
    result: { shown: [], missing: [], background: [] },
    ids: new Int32Array(0),
    vectors: 'center',
  };
  let version = 0;
  /** What the latest projection showed: which run, after how many units, which rows. */
  let projected: { run: Run; units: number; ids: Int32Array } | null = null;

  return {
    projector,
    request: (): ViewRequest => request,
    setRequest(next: ViewRequest): void {
      request = {
        words: [...next.words],
        top: next.top,
        vectors: next.vectors,
        background: next.background ?? 0,
      };
    },
    /**
     * Resolves the request against the corpus and the run's vectors (after init, a restart or
     * setView); bumps the version when the answer changed.
     */
    refresh(loaded: LoadedCorpus | null, run: Run | null): void {
      if (!loaded || !run) return;
      const { vocab } = loaded.corpus;
      const next = resolveView(request, vocab, loaded.viewKey, run.engine.outsideVecs !== null);
      if (!sameView(next.result, resolved.result)) version++;
      resolved = next;
      projected = null;
    },
    /** Projects the shown rows, unless nothing changed since the last projection. */
    project(run: Run): void {
      const p = projected;
      if (p && p.run === run && p.units === run.unitsDone && p.ids === resolved.ids) return;
      projector.update(run.engine, resolved.ids, resolved.vectors);
      projected = { run, units: run.unitsDone, ids: resolved.ids };
    },
    /** A fresh model: its first picture is not aligned with the old model's. */
    forgetAlignment(): void {
      projector.forget();
    },
    result(): ViewResult {
      return resolved.result;
    },
    /** The view part of a frame; takes the coordinates made since the previous frame. */
    frameFields(): Pick<Frame, 'viewVersion' | 'coords' | 'explained'> {
      return { viewVersion: version, coords: projector.take(), explained: projector.explained() };
    },
  };
}
