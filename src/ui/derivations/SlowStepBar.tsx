import { useId, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { endWalk, slowStep, stageBack, stageForward } from '../../state/inspectActions';
import { updateStageIndex } from '../../state/inspectController';
import { inspectStore } from '../../state/inspectStore';
import type { InspectFrame } from '../../worker/protocol';
import './stepper.css';

/**
 * The class the derivations root carries while walking (`stage-<id>`, e.g. `stage-loss`), so
 * `.stage-<id> .term-<id>` lights up the formula terms of the current stage; '' otherwise.
 */
export function useStageClass(): string {
  return useStore(inspectStore, (s) => {
    const id = s.stage !== null ? s.frame?.trace.stages[s.stage]?.id : undefined;
    return id ? `stage-${id}` : '';
  });
}

/** "centre cat, context the, sat" for the walked example. */
function exampleLine(frame: InspectFrame, words: readonly string[] | undefined): string {
  const word = (w: number): string => words?.[w] ?? `#${w}`;
  const { trace } = frame;
  const context = Array.from(trace.context, word).join(', ');
  return trace.model === 'cbow'
    ? `target ${word(trace.center)}, context ${context}`
    : `centre ${word(trace.center)}, context ${context}`;
}

/** Where the walked example stands with the model. */
function UpdateNote({ frame, stage }: { frame: InspectFrame; stage: number }) {
  const atUpdate = stage >= updateStageIndex(frame);
  if (frame.state === 'trained') {
    return (
      <p className="slow-step-note is-applied">
        {atUpdate ? 'Applied to the model.' : 'Applied to the model (at the update stage).'}
      </p>
    );
  }
  return (
    <p className="slow-step-note">
      {atUpdate
        ? 'Applying the update…'
        : 'Not trained yet: the model changes only at the last stage, the update.'}
    </p>
  );
}

/**
 * The slow step: pauses training and walks one example through every stage, from picking the
 * centre word to the SGD update, which is applied to the model when the walk reaches it.
 * ← and → move between stages while focus is in the bar.
 */
export function SlowStepBar() {
  const frame = useStore(inspectStore, (s) => (s.stage === null ? null : s.frame));
  const stage = useStore(inspectStore, (s) => s.stage);
  const words = useStore(inspectStore, (s) => s.context?.words);
  const isWalking = frame !== null && stage !== null;
  const hintId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isWalking || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') void stageForward();
    else if (event.key === 'ArrowLeft') stageBack();
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`slow-step${isWalking ? ' is-walking' : ''}`}
      role="group"
      aria-label="Step through one update"
      onKeyDown={onKeyDown}
    >
      <div className="slow-step-buttons">
        <button
          type="button"
          onClick={() => void slowStep()}
          aria-describedby={isWalking ? undefined : hintId}
        >
          Slow step
        </button>
        {isWalking && (
          <>
            <button type="button" onClick={stageBack} disabled={stage === 0}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void stageForward()}>
              Next
            </button>
            <button type="button" onClick={endWalk}>
              Done
            </button>
          </>
        )}
      </div>
      {!isWalking && (
        <p id={hintId} className="hint">
          Pauses training and walks the next example through every stage of one update.
        </p>
      )}
      {isWalking && (
        <div className="slow-step-walk">
          <p className="slow-step-example">
            Example {frame.seq}: {exampleLine(frame, words)}
          </p>
          <p className="slow-step-status" aria-live="polite">
            Stage {stage + 1} of {frame.trace.stages.length}: {frame.trace.stages[stage]?.title}
          </p>
          <ol className="stage-list" aria-label="Stages">
            {frame.trace.stages.map((s, k) => (
              <li
                key={s.id}
                aria-current={k === stage ? 'step' : undefined}
                className={k < stage ? 'is-done' : undefined}
              >
                {s.title}
              </li>
            ))}
          </ol>
          <UpdateNote frame={frame} stage={stage} />
        </div>
      )}
    </div>
  );
}
