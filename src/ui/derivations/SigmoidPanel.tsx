import { sigmoidRows } from '../../state/inspectTerms';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { SIGMOID_TEX } from './formulas';
import { LiveTable, NumCell } from './LiveNumber';
import { usePairPicker } from './PairSelect';
import { Tex } from './Tex';

function SigmoidLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const [index, picker] = usePairPicker(frame, context);
  const rows = sigmoidRows(frame, context, index);
  if (!rows) {
    return (
      <p className="derivation-empty">
        The full softmax uses no σ. Choose negative sampling or hierarchical softmax as the loss to
        see σ at work on this example.
      </p>
    );
  }
  const isNs = frame.trace.loss === 'ns';
  return (
    <>
      {picker}
      <LiveTable
        caption={
          isNs
            ? 'σ of each term of the pair, x = u·h'
            : 'σ of each node on the Huffman path, x = (1 − 2d_j) θ·h'
        }
        headers={[isNs ? 'term' : 'node', 'x', 'σ(x)', 'σ(−x) = 1 − σ(x)', 'σ′(x) = σ(1 − σ)']}
      >
        {rows.map((r, i) => (
          <tr key={i}>
            <td>{r.label}</td>
            <NumCell value={r.x} stage="scores" />
            <NumCell value={r.sigma} role="prob" stage="probabilities" />
            <NumCell value={r.oneMinus} role="prob" stage="probabilities" />
            <NumCell value={r.slope} role="grad" stage="gradients" />
          </tr>
        ))}
      </LiveTable>
      <p className="hint">
        The slope σ(1 − σ) is at most 0.25 (at x = 0) and tiny when |x| is large: a term that is
        already very right or very wrong changes slowly.
      </p>
    </>
  );
}

/** Panel 3: the sigmoid, the identities the derivations use, and the handout's leaky ReLU. */
export function SigmoidPanel() {
  return (
    <div className="derivation-main">
      <p>
        The logistic sigmoid squashes any real number into the interval (0, 1), so a score can be
        read as the probability of a yes/no answer.
      </p>
      <Tex tex={SIGMOID_TEX.definition} />
      <p>Three identities do all the work in the gradients of the other panels:</p>
      <Tex tex={SIGMOID_TEX.derivative} />
      <Tex tex={SIGMOID_TEX.symmetry} />
      <Tex tex={SIGMOID_TEX.logDerivative} />
      <p>
        The handout also asks for the derivative of the leaky ReLU{' '}
        <Tex isInline tex="f(x) = \max(\alpha x, x)" />, where the leak{' '}
        <Tex isInline tex="\alpha" /> is a small constant between 0 and 1 (not the learning rate).
        Each side of zero is a straight line, so the derivative is the slope of the side you are on:
      </p>
      <Tex tex={SIGMOID_TEX.leakyRelu} />
      <p>
        At <Tex isInline tex="x = 0" /> the slope jumps from <Tex isInline tex="\alpha" /> on the
        left to 1 on the right. The two one-sided derivatives differ, so f has no derivative at 0.
        Code just picks a value there (any number between α and 1 is a valid subgradient); since an
        exact 0 almost never occurs, the choice does not matter in practice.
      </p>
      <ExampleLive>
        {(frame, context) => <SigmoidLive frame={frame} context={context} />}
      </ExampleLive>
    </div>
  );
}
