/**
 * The trainer's commands that only look at the run or choose what is shown: nearest neighbours,
 * the shown words, the asset base and the frame listener. They change no training state, so
 * they live apart from the training loop (trainer.ts).
 */
import type { LoadedCorpus } from './corpora';
import type { createAssetLoader } from './corpusAssets';
import type { FrameSender } from './frameSender';
import { createNearestCache } from './nearest';
import type { TrainerApi } from './protocol';
import type { Run } from './run';
import type { ViewState } from './viewState';

export interface ViewCommandDeps {
  run: () => Run | null;
  loaded: () => LoadedCorpus | null;
  view: ViewState;
  frames: FrameSender;
  assets: ReturnType<typeof createAssetLoader>;
  /** Projects the shown words and sends a frame. */
  showNow: () => void;
  emitFrame: () => void;
}

export type ViewCommands = Pick<
  TrainerApi,
  'nearest' | 'setView' | 'getView' | 'setAssetBase' | 'setFrameListener'
>;

export function createViewCommands(deps: ViewCommandDeps): ViewCommands {
  const { view, frames } = deps;
  const neighbours = createNearestCache();
  return {
    async nearest(word, k, vectors = 'center') {
      return neighbours.query(deps.run(), deps.loaded()?.corpus.vocab, word, k, vectors);
    },

    async setView(request) {
      view.setRequest(request);
      view.refresh(deps.loaded(), deps.run());
      deps.showNow();
      return view.result();
    },

    async getView() {
      return view.result();
    },

    setAssetBase(url) {
      deps.assets.setBase(url);
    },

    setFrameListener(listener) {
      frames.setListener(listener);
      // Earlier frames went nowhere: the new listener gets the current picture.
      view.projector.resend();
      deps.emitFrame();
    },
  };
}
