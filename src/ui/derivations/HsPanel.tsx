import { hsSummary } from '../../state/inspectTerms';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { HS_TEX } from './formulas';
import { LiveTable, NumberList, NumCell } from './LiveNumber';
import { usePairPicker } from './PairSelect';
import { Tex } from './Tex';

function HsLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const [index, picker] = usePairPicker(frame, context);
  const s = hsSummary(frame, context, index);
  if (!s) return null;
  return (
    <>
      {picker}
      <NumberList
        label="Hierarchical-softmax numbers of the pair"
        items={[
          { name: 'Target word', symbol: 'w', value: s.target, role: 'outside', stage: 'center' },
          { name: 'Path length', symbol: 'L_w', value: String(s.steps.length), stage: 'path' },
          {
            name: 'Path probability',
            symbol: 'p(w|h)',
            value: s.pathProb,
            role: 'prob',
            stage: 'probabilities',
          },
          { name: 'Loss', symbol: 'J', value: s.loss, role: 'loss', stage: 'loss' },
          {
            name: 'Gradient length',
            symbol: '‖∂J/∂h‖',
            value: s.gradHNorm,
            role: 'grad',
            stage: 'gradients',
          },
        ]}
      />
      <LiveTable
        caption={`The path from the root to “${s.target}”`}
        headers={['j', 'node n', 'code d_j', 'θ·h', 'factor σ((1−2d_j)θ·h)', 'g_j', '‖∂J/∂θ‖']}
      >
        {s.steps.map((p) => (
          <tr key={p.depth}>
            <td>{p.depth}</td>
            <td className="sym-node term term-path">{p.node}</td>
            <td className="term term-path">{p.code}</td>
            <NumCell value={p.score} stage="scores" />
            <NumCell value={p.factor} role="prob" stage="probabilities" />
            <NumCell value={p.g} role="grad" stage="gradients" />
            <NumCell value={p.gradNorm} role="grad" stage="gradients" />
          </tr>
        ))}
      </LiveTable>
    </>
  );
}

/** Panel 6: hierarchical softmax along the target's Huffman path (the tree is drawn below). */
export function HsPanel() {
  return (
    <div className="derivation-main">
      <p>
        Hierarchical softmax puts the W words at the leaves of a binary Huffman tree, frequent words
        close to the root, and gives each of the W − 1 inner nodes a vector{' '}
        <Tex isInline tex="\theta_n" />. The path to word w passes the nodes{' '}
        <Tex isInline tex="n(w,1), \dots, n(w,L_w)" />, root first; at each one the code{' '}
        <Tex isInline tex="d_j" /> says which child the path takes (0 the first, 1 the second). The
        probability of w is the product of these left/right decisions:
      </p>
      <Tex tex={HS_TEX.path} />
      <p>
        The seeds write the sign with an indicator that is +1 when the path goes on to the
        node&apos;s designated child and −1 otherwise. With word2vec.c&apos;s codes the designated
        child is the first one, so:
      </p>
      <Tex tex={HS_TEX.sign} />
      <p>
        Since <Tex isInline tex="\sigma(x) + \sigma(-x) = 1" /> at every node, the W leaf
        probabilities add up to 1 without any sum over the vocabulary. The loss is the negative log
        of the product:
      </p>
      <Tex tex={HS_TEX.loss} />
      <p>
        Name the node&apos;s sigmoid <Tex isInline tex="q_j" /> and its error{' '}
        <Tex isInline tex="g_j" /> (the target of the decision, 1 − d_j, minus the model&apos;s
        answer); both gradients are then one line each:
      </p>
      <Tex tex={HS_TEX.g} />
      <Tex tex={HS_TEX.grads} />
      <p>
        word2vec.c climbs the log-likelihood instead of descending J, so its update has a plus sign;
        it is the same step.
      </p>
      <Tex tex={HS_TEX.ascent} />
      <p>Only the nodes on the path are touched, about log₂ W of them:</p>
      <Tex tex={HS_TEX.cost} />
      <ExampleLive loss="hs">
        {(frame, context) => <HsLive frame={frame} context={context} />}
      </ExampleLive>
    </div>
  );
}
