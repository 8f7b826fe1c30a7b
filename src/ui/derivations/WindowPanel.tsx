import { windowSummary } from '../../state/inspectModel';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { WINDOW_TEX } from './formulas';
import { LiveTable, NumberList, NumCell } from './LiveNumber';
import { Tex } from './Tex';
import { useRunKind } from './useInspect';

function scheduleNote(frame: InspectFrame): string {
  if (frame.trace.model === 'cbow') return '';
  return frame.trace.schedule === 'sequential'
    ? 'As in word2vec.c, each pair’s step is applied before the next pair is scored.'
    : 'All pairs are scored at the same weights; their gradients add up into one step.';
}

function WindowLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const s = windowSummary(frame, context);
  const isCbow = frame.trace.model === 'cbow';
  return (
    <>
      <NumberList
        label="Window numbers of the example"
        items={[
          { name: 'Context size', symbol: '|C|', value: String(s.contextSize), stage: 'window' },
          { name: 'Total loss', symbol: 'J', value: s.totalLoss, role: 'loss', stage: 'loss' },
        ]}
      />
      <LiveTable
        caption={isCbow ? 'The one pair: context → centre word' : 'One pair per context word'}
        headers={['pair', 'target', 'loss J_j', '‖∂J_j/∂h‖']}
      >
        {s.pairs.map((p) => (
          <tr key={p.index}>
            <td>{p.index + 1}</td>
            <td className="sym-outside term term-window">{p.target}</td>
            <NumCell value={p.loss} role="loss" stage="loss" />
            <NumCell value={p.gradHNorm} role="grad" stage="gradients" />
          </tr>
        ))}
      </LiveTable>
      <LiveTable
        caption="The centre-matrix rows this example changes"
        headers={['row of V', '‖∂J/∂v‖', '‖Δv‖ (update)']}
      >
        {s.centerRows.map((r) => (
          <tr key={r.row}>
            <td className="sym-center">{r.label}</td>
            <NumCell value={r.gradNorm} role="grad" stage="gradients" />
            <NumCell value={r.updateNorm} role="lr" stage="update" />
          </tr>
        ))}
      </LiveTable>
      <p className="hint">{scheduleNote(frame)}</p>
    </>
  );
}

/** Panel 5: the loss of a whole window (skip-gram), or the context mean and its rule (CBOW). */
export function WindowPanel() {
  const { model, cbowUpdate } = useRunKind();
  return (
    <div className="derivation-main">
      {model === 'skipgram' ? (
        <>
          <p>
            Skip-gram turns a window into one pair per context word,{' '}
            <Tex isInline tex="(c, w_{t+j})" />, and adds their losses. The radius is drawn between
            1 and m for each centre word, so near words are used more often than far ones.
          </p>
          <Tex tex={WINDOW_TEX.skipgram} />
          <Tex tex={WINDOW_TEX.skipgramGrads} />
          <p>
            Only the centre word&apos;s own vector appears in J, so every other row of V gets a zero
            gradient and stays put:
          </p>
          <Tex tex={WINDOW_TEX.zero} />
        </>
      ) : (
        <>
          <p>
            CBOW makes one pair of the whole window: the mean of the context&apos;s centre vectors
            predicts the centre word.
          </p>
          <Tex tex={WINDOW_TEX.cbowMean} />
          <p>
            Each context vector enters h with weight 1/|C|, so by the chain rule its exact gradient
            is 1/|C| of <Tex isInline tex="\partial J/\partial h" /> (a word that occurs twice in
            the context gets two shares):
          </p>
          <Tex tex={WINDOW_TEX.cbowExact} />
          <p>
            word2vec.c does not divide: it adds the whole step for{' '}
            <Tex isInline tex="\partial J/\partial h" /> to every context vector, |C| times the
            exact step. Both rules train well; the gradient check always compares against the exact
            gradient.
          </p>
          <Tex tex={WINDOW_TEX.cbowWord2vec} />
          <p>
            This run uses{' '}
            <strong>
              {cbowUpdate === 'exact'
                ? 'the exact gradient (1/|C|)'
                : 'word2vec.c’s rule (no 1/|C|)'}
            </strong>{' '}
            (the CBOW update setting).
          </p>
        </>
      )}
      <ExampleLive>
        {(frame, context) => <WindowLive frame={frame} context={context} />}
      </ExampleLive>
    </div>
  );
}
