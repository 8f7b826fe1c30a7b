/**
 * The first half of `init`: the configuration checked and the corpus read, every early end
 * turned into the answer to give. trainer.ts then swaps the new model in.
 */
import { defaultConfig, validateConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import { sourceName, type LoadedCorpus } from './corpora';
import type { createLoader } from './loader';
import type { InitRequest } from './protocol';

const SUPERSEDED = 'a newer corpus was requested';

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export interface InitLoadHooks {
  /** Bad settings or input: said in a frame; the previous corpus and model stay. */
  reject(errors: string[]): void;
  /** The read starts (the trainer shows 'loading' with this text). */
  loading(text: string): void;
}

/** The corpus read and the full configuration, or why `init` ends here. */
export type InitLoad =
  { ok: true; next: LoadedCorpus; config: TrainConfig } | { ok: false; errors: string[] };

/**
 * Starts a load (superseding older ones), checks the configuration, reads the corpus. A load
 * overtaken by a newer `init` ends quietly with SUPERSEDED; other failures are rejected.
 */
export async function loadForInit(
  request: InitRequest,
  loader: ReturnType<typeof createLoader>,
  hooks: InitLoadHooks,
): Promise<InitLoad> {
  const token = loader.begin();
  const config = defaultConfig(request.config);
  const errors = validateConfig(config);
  if (errors.length > 0) {
    hooks.reject(errors);
    return { ok: false, errors };
  }
  hooks.loading(`loading ${sourceName(request.corpus)}`);
  try {
    const next = await loader.load(request, token);
    return next ? { ok: true, next, config } : { ok: false, errors: [SUPERSEDED] };
  } catch (error) {
    if (!loader.isLatest(token)) return { ok: false, errors: [SUPERSEDED] };
    hooks.reject([errorText(error)]);
    return { ok: false, errors: [errorText(error)] };
  }
}
