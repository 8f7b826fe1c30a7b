/**
 * What the page can ask for, as plain module functions (zustand's "no store actions"):
 * components call these and never hold the worker themselves. The logic lives in controller.ts;
 * here it is bound to the one worker and the app's stores, and the worker's frames are routed
 * into `liveFrame` (every frame) and `runStore` (only when something it shows changed).
 */
import type { TrainConfig } from '../core/types';
import { subscribeFrames, trainer } from '../worker/client';
import type { BuiltinCorpusId, Frame, NearestResult, ViewRequest } from '../worker/protocol';
import { configStore } from './configStore';
import { createController } from './controller';
import { startInspect } from './inspectActions';
import { applyFrame, liveFrame } from './liveFrame';
import { createNeighborScheduler } from './neighborScheduler';
import type { PresetId } from './presets';
import { runStore } from './runStore';
import { parseState, serializeState, shareStateOf } from './urlSchema';
import { startUrlSync } from './urlSync';

/** Neighbours shown per query word. */
const NEIGHBOR_COUNT = 5;
/** Minimum time between neighbour refreshes while training. */
const NEIGHBOR_REFRESH_MS = 650;

const controller = createController({ trainer, configStore, runStore });

/** Reads the page's link into the config store, keeps the URL in step, and starts the run. */
export function startFromUrl(): void {
  const { state, notes } = parseState(window.location.search);
  configStore.setState({ ...state, pendingRestart: [] });
  startUrlSync(configStore);
  startInspect();
  void controller.start(notes);
}

export const loadBuiltin = (id: BuiltinCorpusId): Promise<void> => controller.loadBuiltin(id);
export const loadText = (name: string, text: string): Promise<void> =>
  controller.loadText(name, text);

/** Changes one setting; returns why it cannot (shown next to the control), or null. */
export function setSetting<K extends keyof TrainConfig>(key: K, value: TrainConfig[K]) {
  return controller.setSetting(key, value);
}

export const setMinCount = (minCount: number | null): void => controller.setMinCount(minCount);
export const setThreads = (threads: number): void => controller.setThreads(threads);
export const restart = (): Promise<void> => controller.restart();
export const reset = (): Promise<void> => controller.reset();
export const newSeed = (): Promise<void> => controller.newSeed();
export const applyPreset = (id: PresetId): Promise<void> => controller.applyPreset(id);
export const setView = (patch: Partial<ViewRequest>): Promise<void> => controller.setView(patch);
export const setSpeed = (speed: number | null): Promise<void> => controller.setSpeed(speed);
export const play = (): Promise<void> => controller.play();
export const pause = (): Promise<void> => controller.pause();
export const step = (units = 1): Promise<void> => controller.step(units);
/** Shows a message of the page's own in the status line (e.g. a file that could not be read). */
export const notify = (text: string): void => controller.notify(text);

/** Play when stopped, pause when training. */
export function togglePlay(): Promise<void> {
  return runStore.getState().status === 'training' ? pause() : play();
}

/** The link to this run; with `hidden`, a classroom link that hides those controls. */
export function shareLink(hidden?: string[]): string {
  const share = shareStateOf(configStore.getState());
  const query = serializeState(hidden ? { ...share, hidden } : share);
  const { origin, pathname } = window.location;
  return `${origin}${pathname}?${query}`;
}

/** Copies the link to the clipboard; says in the status line whether that worked. */
export async function copyLink(hidden?: string[]): Promise<string> {
  const link = shareLink(hidden);
  try {
    await navigator.clipboard.writeText(link);
    notify(hidden ? 'Classroom link copied.' : 'Link copied.');
  } catch {
    notify(`Copy this link by hand: ${link}`);
  }
  return link;
}

/** The neighbours of one word (the hover tooltip), by the vectors the map shows. */
export async function neighborsOf(word: string): Promise<NearestResult['neighbors']> {
  const vectors = configStore.getState().view.vectors;
  return (await trainer.nearest(word, NEIGHBOR_COUNT, vectors)).neighbors;
}

/** Asks the worker for the neighbours of every query word and stores the answers. */
export async function refreshNeighbors(): Promise<void> {
  const words = runStore.getState().queryWords;
  const neighbors = await Promise.all(words.map((word) => trainer.nearest(word, NEIGHBOR_COUNT)));
  runStore.setState({ neighbors });
}

/** Routes frames from the worker into the stores; returns the function that disconnects. */
export function connectTrainer(): () => void {
  const considerNeighbors = createNeighborScheduler(refreshNeighbors, NEIGHBOR_REFRESH_MS);
  const seen = { viewVersion: -1 };
  return subscribeFrames((frame: Frame) => {
    applyFrame(liveFrame, frame);
    const { status, message } = runStore.getState();
    if (status !== frame.status || message !== frame.message) {
      runStore.setState({ status: frame.status, message: frame.message });
    }
    if (frame.viewVersion !== seen.viewVersion) {
      seen.viewVersion = frame.viewVersion;
      void controller.refreshView(frame.viewVersion);
    }
    considerNeighbors(frame);
  });
}
