import type { ReactNode } from 'react';
import type { LossId } from '../../core/index';
import { lossLabel } from '../../state/registry';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { useCurrentExample } from './useInspect';

interface ExampleLiveProps {
  /** The loss whose numbers the block shows; absent = any. */
  loss?: LossId;
  children: (frame: InspectFrame, context: InspectContext) => ReactNode;
}

/**
 * The live part of a panel: the numbers of the current training example, or one line saying how
 * to get one (or that the run uses another loss).
 */
export function ExampleLive({ loss, children }: ExampleLiveProps) {
  const { context, frame } = useCurrentExample();
  let body: ReactNode;
  if (!context || !frame) {
    body = (
      <p className="derivation-empty">
        Press Play or Step to see these formulas filled in with the numbers of one training example.
      </p>
    );
  } else if (loss && context.loss !== loss) {
    body = (
      <p className="derivation-empty">
        This run trains with {lossLabel(context.loss)}; choose {lossLabel(loss)} as the loss to see
        these numbers.
      </p>
    );
  } else {
    body = children(frame, context);
  }
  const state = frame?.state === 'pending' ? ', not trained yet' : '';
  return (
    <div className="derivation-live" role="group" aria-label="Numbers of the current example">
      <p className="derivation-live-title">
        This example{frame ? ` (no. ${frame.seq}${state})` : ''}
      </p>
      {body}
    </div>
  );
}
