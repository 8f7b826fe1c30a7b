import { exampleSummary } from '../../state/inspectModel';
import { lossLabel } from '../../state/registry';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { ExampleLive } from './ExampleLive';
import { modelTex } from './formulas';
import { NumberList } from './LiveNumber';
import { Tex } from './Tex';
import { useRunKind } from './useInspect';

function ModelLive({ frame, context }: { frame: InspectFrame; context: InspectContext }) {
  const s = exampleSummary(frame, context);
  const isCbow = frame.trace.model === 'cbow';
  const isHs = frame.trace.loss === 'hs';
  return (
    <NumberList
      label="The model and the current example"
      items={[
        { name: 'Vocabulary size', symbol: 'W', value: String(s.W) },
        { name: 'Dimension', symbol: 'd', value: String(s.d) },
        { name: 'Centre matrix, stored', symbol: 'V', value: `${s.W} × ${s.d}` },
        {
          name: isHs ? 'Node matrix, stored' : 'Outside matrix, stored',
          symbol: isHs ? 'Θ' : 'U',
          value: `${s.outputRows} × ${s.d}`,
        },
        {
          name: isCbow ? 'Target (centre) word' : 'Centre word',
          symbol: isCbow ? 'w_t' : 'c',
          value: s.centerWord,
          role: isCbow ? 'outside' : 'center',
          stage: 'center',
        },
        {
          name: 'Context words',
          value: s.contextWords.join(', '),
          role: isCbow ? 'center' : 'outside',
          stage: 'window',
        },
        {
          name: isCbow ? 'Length of the context mean' : 'Length of the centre vector',
          symbol: isCbow ? '‖h‖' : '‖v_c‖',
          value: s.hNorm,
          role: 'hidden',
          stage: 'window',
        },
      ]}
    />
  );
}

/** Panel 1: what the network computes, its two matrices and how the code stores them. */
export function ModelPanel() {
  const { model, loss } = useRunKind();
  const tex = modelTex(model, loss);
  return (
    <div className="derivation-main">
      <p>
        Every word <Tex isInline tex="w" /> owns two vectors of <Tex isInline tex="d" /> numbers: a
        centre vector <Tex isInline tex="v_w" />, used when <Tex isInline tex="w" /> is the word we
        predict from, and an outside vector <Tex isInline tex="u_w" />, used when it is the word to
        be predicted.
        {loss === 'hs' &&
          ' Hierarchical softmax has no outside vectors: it keeps one vector θ_n for each inner node of a binary tree over the words instead.'}
      </p>
      {model === 'cbow' ? (
        <>
          <p>
            CBOW averages the centre vectors of the context words <Tex isInline tex="C" /> into one
            vector <Tex isInline tex="h" /> and predicts the centre word <Tex isInline tex="w_t" />{' '}
            from it. Each candidate gets the score <Tex isInline tex="u_w^\top h" />; a softmax
            turns the W scores into probabilities.
          </p>
          <Tex tex={tex.hidden} />
        </>
      ) : (
        <p>
          Skip-gram predicts each word of the window from the centre word <Tex isInline tex="c" />.
          A candidate <Tex isInline tex="o" /> scores <Tex isInline tex="u_o^\top v_c" />, large
          when the two vectors point the same way, and a softmax over all W words turns the scores
          into probabilities.
        </p>
      )}
      <Tex tex={tex.predict} />
      {loss !== 'softmax' && (
        <p className="hint">
          This run trains with {lossLabel(loss)}, a cheaper stand-in for the sum over all W words
          (see its panel); the model being fitted is the same.
        </p>
      )}
      <p>In the math the vectors are columns, so each matrix has one column per word (or node):</p>
      <Tex tex={tex.matrices} />
      <p>
        The code keeps each vector as a <em>row</em> instead: a matrix is one flat Float32Array of W
        × d numbers (W − 1 rows for the tree&apos;s nodes), and row w starts at offset w·d. A
        gradient &ldquo;with respect to U&rdquo; is written d × W here and stored W × d there.
      </p>
      <Tex tex={tex.storage} />
      <ExampleLive>{(frame, context) => <ModelLive frame={frame} context={context} />}</ExampleLive>
    </div>
  );
}
