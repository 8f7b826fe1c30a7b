import { nsSummary } from '../../state/inspectTerms';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { nsTex } from './formulas';
import { LiveTable, NumberList, NumCell } from './LiveNumber';
import { usePairPicker } from './PairSelect';
import { Tex } from './Tex';
import { useRunKind } from './useInspect';

function NsLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const [index, picker] = usePairPicker(frame, context);
  const s = nsSummary(frame, context, index);
  if (!s) return null;
  return (
    <>
      {picker}
      <NumberList
        label="Negative-sampling numbers of the pair"
        items={[
          { name: 'Negatives scored', symbol: 'K', value: String(s.K), stage: 'negatives' },
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
        caption="The K + 1 terms of the pair"
        headers={['term', 'word', 'score u·h', 'σ(u·h)', 'shared δ', '‖∂J/∂u‖']}
      >
        {s.terms.map((t, j) => (
          <tr key={j} className={t.repeats > 1 ? 'is-repeat' : undefined}>
            <td>{t.role === 'outside' ? 'true word o' : `negative ${j}`}</td>
            <td className={t.role === 'outside' ? 'sym-outside' : 'sym-negative'}>
              {t.word}
              {t.repeats > 1 && ` (drawn ×${t.repeats})`}
            </td>
            <NumCell value={t.score} stage="scores" />
            <NumCell value={t.sigma} role="prob" stage="probabilities" />
            <NumCell value={t.shared} role="grad" stage="gradients" />
            <NumCell value={t.gradNorm} role="grad" stage="gradients" />
          </tr>
        ))}
      </LiveTable>
      {s.terms.some((t) => t.repeats > 1) && (
        <p className="hint">
          A word drawn more than once shows the length of its summed gradient: each draw adds its
          own share.
        </p>
      )}
    </>
  );
}

/** Panel 4: negative sampling, its three gradients, the shared quantity and repeated draws. */
export function NsPanel() {
  const { model, mode } = useRunKind();
  const tex = nsTex(model);
  return (
    <div className="derivation-main">
      <p>
        Negative sampling replaces the W-way softmax by K + 1 yes/no questions. Is the true word{' '}
        <Tex isInline tex="o" /> a real neighbour? The model should make{' '}
        <Tex isInline tex="\sigma(u_o^\top v_c)" /> close to 1. Is each of K noise words{' '}
        <Tex isInline tex="w_s" />, drawn with probability proportional to count<sup>0.75</sup>, a
        real neighbour? It should make <Tex isInline tex="\sigma(-u_{w_s}^\top v_c)" /> close to 1.
        {model === 'cbow' && ' For CBOW, o is the centre word and h replaces v_c.'}
      </p>
      <Tex tex={tex.loss} />
      <p>
        With <Tex isInline tex="\tfrac{d}{dx}\log\sigma(x) = 1 - \sigma(x)" /> each term
        differentiates in one line:
      </p>
      <Tex tex={tex.gradInput} />
      <Tex tex={tex.gradOutside} />
      <Tex tex={tex.gradNegative} />
      <p>
        All three reuse one vector. Stack the true outside vector and the negated noise vectors as
        the K + 1 columns of <Tex isInline tex="U_{o,W}" />; then the loss is a sum over one vector
        of sigmoids, and <Tex isInline tex="\delta" /> is computed once:
      </p>
      <Tex tex={tex.stack} />
      <Tex tex={tex.shared} />
      <p>
        Draws are independent, so a noise word can come up twice. Each draw is its own term of J, so
        its gradients add up: a word drawn twice gets twice the push. Code must add (+=) into the
        word&apos;s row, never overwrite it.
      </p>
      <Tex tex={tex.repeats} />
      <p>
        Only K + 1 output rows are read and changed, whatever the size of the vocabulary.{' '}
        {mode === 'stream'
          ? 'Like word2vec.c, this run skips a draw that equals o.'
          : 'Like CS224n, this run draws again when a noise word equals o.'}
      </p>
      <Tex tex={tex.cost} />
      <ExampleLive loss="ns">
        {(frame, context) => <NsLive frame={frame} context={context} />}
      </ExampleLive>
    </div>
  );
}
