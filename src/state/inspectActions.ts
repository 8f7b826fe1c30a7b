/**
 * What the derivation panels can ask for, as plain module functions: the logic lives in
 * inspectController.ts; here it is bound to the one worker and the app's stores.
 */
import type { BreakMode } from '../core/index';
import { subscribeInspect, trainer } from '../worker/client';
import { configStore } from './configStore';
import { createInspectController } from './inspectController';
import { inspectStore } from './inspectStore';
import type { PanelId } from './panels';
import { runStore } from './runStore';

const controller = createInspectController({ trainer, configStore, inspectStore, runStore });

/**
 * Routes the panels' feed into `inspectStore`, ends a walk when training resumes, and sends the
 * open panels (from the link) to the worker. Call once, after the link is in the config store;
 * returns the function that disconnects.
 */
export function startInspect(): () => void {
  const stopMessages = subscribeInspect(controller.onInspectMessage);
  const stopWatching = controller.watchRun();
  void controller.syncInspect();
  return () => {
    stopMessages();
    stopWatching();
  };
}

export const openPanel = (id: PanelId): Promise<void> => controller.openPanel(id);
export const closePanel = (id: PanelId): Promise<void> => controller.closePanel(id);
export const togglePanel = (id: PanelId): Promise<void> => controller.togglePanel(id);
export const slowStep = (): Promise<void> => controller.slowStep();
export const stageForward = (): Promise<void> => controller.stageForward();
export const stageBack = (): void => controller.stageBack();
export const endWalk = (): void => controller.endWalk();
export const runGradcheck = (mode?: BreakMode): Promise<void> => controller.runGradcheck(mode);
export const setBreakMode = (mode: BreakMode): Promise<void> => controller.setBreakMode(mode);
