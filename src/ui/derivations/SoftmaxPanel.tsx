import { softmaxSummary } from '../../state/inspectTerms';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { softmaxTex } from './formulas';
import { LiveTable, NumberList, NumCell } from './LiveNumber';
import { usePairPicker } from './PairSelect';
import { Tex } from './Tex';
import { useRunKind } from './useInspect';

function SoftmaxLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const [index, picker] = usePairPicker(frame, context);
  const s = softmaxSummary(frame, context, index);
  if (!s) return null;
  return (
    <>
      {picker}
      <NumberList
        label="Softmax numbers of the pair"
        items={[
          { name: 'True word', symbol: 'o', value: s.target, role: 'outside', stage: 'center' },
          {
            name: 'Its score',
            symbol: 'u_o·h',
            value: Number.isNaN(s.trueScore) ? 'not kept (W > 1000)' : s.trueScore,
            role: 'outside',
            stage: 'scores',
          },
          {
            name: 'Its probability',
            symbol: 'ŷ_o',
            value: s.trueProb,
            role: 'prob',
            stage: 'probabilities',
          },
          {
            name: 'Its rank among the W words',
            value: `${s.trueRank} of ${s.W}`,
            role: 'prob',
            stage: 'probabilities',
          },
          { name: 'Loss', symbol: 'J = −log ŷ_o', value: s.loss, role: 'loss', stage: 'loss' },
          {
            name: 'Gradient length',
            symbol: '‖∂J/∂h‖',
            value: s.gradHNorm,
            role: 'grad',
            stage: 'gradients',
          },
        ]}
      />
      <LiveTable caption="The most probable words under ŷ" headers={['rank', 'word', 'ŷ_w']}>
        {s.top.map((t, i) => (
          <tr key={t.word} className={t.isTarget ? 'is-target' : undefined}>
            <td>{i + 1}</td>
            <td>
              {t.word}
              {t.isTarget && ' (true word)'}
            </td>
            <NumCell value={t.prob} role="prob" stage="probabilities" />
          </tr>
        ))}
      </LiveTable>
    </>
  );
}

/** Panel 2: the full softmax, its cross-entropy loss and gradients, and why it is slow. */
export function SoftmaxPanel() {
  const { model } = useRunKind();
  const tex = softmaxTex(model);
  const x = model === 'cbow' ? 'h' : 'v_c';
  return (
    <div className="derivation-main">
      <p>
        The model&apos;s distribution over the vocabulary is <Tex isInline tex="\hat y" />. The
        truth is a one-hot vector <Tex isInline tex="y" /> with a single 1 at the true word{' '}
        <Tex isInline tex="o" />
        {model === 'cbow' && ' (for CBOW, the centre word, and h stands where v_c stands)'}. The
        cross-entropy between them keeps only the term of <Tex isInline tex="o" />, so it is the
        negative log-probability of the true word:
      </p>
      <Tex tex={tex.probs} />
      <Tex tex={tex.loss} />
      <p>
        Differentiating the log-sum-exp gives &ldquo;expected minus observed&rdquo;: the average
        outside vector under <Tex isInline tex="\hat y" /> minus the true one. Each outside vector
        moves by its own error <Tex isInline tex="\hat y_w - y_w" /> times <Tex isInline tex={x} />.
      </p>
      <Tex tex={tex.gradInput} />
      <Tex tex={tex.gradOutput} />
      <p>
        When does the gradient vanish? Only when <Tex isInline tex="U(\hat y - y) = 0" />. The
        softmax gives every word a positive probability, so <Tex isInline tex="\hat y" /> never
        equals <Tex isInline tex="y" /> exactly; the gradient only shrinks as the true word&apos;s
        score pulls far ahead of all others (or, by accident, when <Tex isInline tex="\hat y - y" />{' '}
        lies in the null space of U).
      </p>
      <Tex tex={tex.vanish} />
      <p>
        The cost: <Tex isInline tex="\hat y" /> needs all W scores and the gradient touches all W
        outside vectors, so one pair costs O(W·d) operations. With tens of thousands of words that
        is why negative sampling and hierarchical softmax exist.
      </p>
      <ExampleLive loss="softmax">
        {(frame, context) => <SoftmaxLive frame={frame} context={context} />}
      </ExampleLive>
    </div>
  );
}
