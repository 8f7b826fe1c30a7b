import { centerSampling, updateSummary } from '../../state/inspectModel';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { SGD_TEX } from './formulas';
import { LiveTable, NumberList, NumCell, type LiveItem } from './LiveNumber';
import { Tex } from './Tex';
import { useLiveValues, useRunKind } from './useInspect';

/** Output rows listed in the update table (a softmax step changes all W of them). */
const SHOWN_ROWS = 8;
const MATRIX_SYMBOL = { center: 'v', outside: 'u', node: 'θ' } as const;
const MATRIX_ROLE = { center: 'center', outside: 'outside', node: 'node' } as const;

function SgdLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const { lr } = useLiveValues();
  const u = updateSummary(frame, context, SHOWN_ROWS);
  const sampling = centerSampling(frame, context);
  const isBatch = context.mode === 'minibatch';
  const items: LiveItem[] = [
    { name: 'Mode', value: isBatch ? 'minibatch (CS224n)' : 'stream (word2vec.c)' },
    {
      name: 'Step used for this example',
      symbol: isBatch ? 'α/B' : 'α',
      value: u.lr,
      role: 'lr',
      stage: 'update',
    },
  ];
  if (isBatch) {
    items.push({ name: 'Windows per iteration', symbol: 'B', value: String(context.batch) });
    items.push({ name: 'Step of the iteration', symbol: 'α', value: u.iterationLr, role: 'lr' });
  }
  items.push({ name: 'Learning rate now', symbol: 'α', value: lr, role: 'lr' });
  items.push({
    name: `Share of “${sampling.word}” in the corpus`,
    symbol: 'f',
    value: sampling.share,
  });
  items.push(
    isBatch
      ? { name: 'Its drop probability', symbol: 'P_reject', value: sampling.reject, role: 'prob' }
      : { name: 'Its keep probability', symbol: 'P_keep', value: sampling.keep, role: 'prob' },
  );
  return (
    <>
      <NumberList label="The step of the example" items={items} />
      <LiveTable caption="Rows changed by the step" headers={['row', '‖∇J‖', '‖Δ‖ (update)']}>
        {u.rows.map((r) => (
          <tr key={`${r.matrix}${r.row}`}>
            <td className={`sym-${MATRIX_ROLE[r.matrix]}`}>
              {MATRIX_SYMBOL[r.matrix]}: {r.label}
            </td>
            <NumCell value={r.gradNorm} role="grad" stage="gradients" />
            <NumCell value={r.updateNorm} role="lr" stage="update" />
          </tr>
        ))}
      </LiveTable>
      {u.hiddenRows > 0 && (
        <p className="hint">…and {u.hiddenRows} more output rows with smaller changes.</p>
      )}
    </>
  );
}

/** Panel 7: the SGD step, the two learning-rate schedules and sub-sampling. */
export function SgdPanel() {
  const { mode } = useRunKind();
  return (
    <div className="derivation-main">
      <p>
        Each step moves the parameters a little against the gradient. Here θ stands for all of them;
        one example&apos;s gradient is zero outside the rows it touched, so only those rows change.
      </p>
      <Tex tex={SGD_TEX.step} />
      <p>
        <strong>Stream mode (word2vec.c)</strong> reads the corpus E times, one pair at a time, and
        lowers the rate in a straight line as the t words read so far approach all E·T words, never
        below <Tex isInline tex="10^{-4}\alpha_0" />:
      </p>
      <Tex tex={SGD_TEX.linear} />
      <p>
        <strong>Minibatch mode (CS224n)</strong> draws B random windows per iteration k, averages
        their gradients, and halves the step every a = &ldquo;anneal every&rdquo; iterations.
        Averaging means each window moves the weights by α/B times its own gradient.
      </p>
      <Tex tex={SGD_TEX.anneal} />
      <Tex tex={SGD_TEX.batch} />
      <p>
        <strong>Sub-sampling.</strong> A very frequent word such as &ldquo;the&rdquo; says little
        about its neighbours, so both recipes throw away part of its occurrences. With s the sample
        setting and f the word&apos;s share of the T tokens, word2vec.c keeps an occurrence with
        probability
      </p>
      <Tex tex={SGD_TEX.keep} />
      <p>while CS224n copies the corpus 30 times and drops each occurrence with probability</p>
      <Tex tex={SGD_TEX.reject} />
      <p className="hint">
        This run is in {mode === 'stream' ? 'stream' : 'minibatch'} mode. The chart of the sampling
        probabilities of the most frequent words is below.
      </p>
      <ExampleLive>{(frame, context) => <SgdLive frame={frame} context={context} />}</ExampleLive>
    </div>
  );
}
