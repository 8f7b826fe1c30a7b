import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import type { BreakMode } from '../../core/index';
import { runGradcheck, setBreakMode } from '../../state/inspectActions';
import { inspectStore } from '../../state/inspectStore';
import type { GradcheckAnswer } from '../../worker/protocol';
import { GradcheckPlot } from './GradcheckPlot';
import { BREAK_MODES, formatError, gradcheckLines, verdictText } from './gradcheckView';
import { Tex } from './Tex';
import './stepper.css';

const CENTRAL_DIFFERENCE =
  '\\tilde g_i = \\frac{J(x + h\\,e_i) - J(x - h\\,e_i)}{2h}, \\qquad h = 10^{-4}';
const RELATIVE_ERROR =
  '\\text{error}_i = \\frac{|\\tilde g_i - g_i|}{\\max(1,\\ |\\tilde g_i|,\\ |g_i|)} \\;<\\; 10^{-5}';

/** The check's outcome: the example, the verdict in words, the first entries, the plot. */
function Result({ answer, words }: { answer: GradcheckAnswer; words: readonly string[] }) {
  const { check } = answer;
  const lines = gradcheckLines(check, words);
  const slip = BREAK_MODES.find((m) => m.id === check.breakMode)?.label ?? check.breakMode;
  return (
    <>
      <p>
        Checked on the example with centre <span className="sym-center">{answer.center}</span> and
        target words <span className="sym-outside">{answer.targets.join(', ')}</span>:{' '}
        {check.rows.length} rows, {check.analytic.length} entries (break: {slip}).
      </p>
      <div className="gradcheck-result">
        <div className="gradcheck-table-wrap">
          <table className="gradcheck-table">
            <caption className="visually-hidden">First entries of each checked row</caption>
            <thead>
              <tr>
                <th scope="col">Matrix</th>
                <th scope="col">Row</th>
                <th scope="col">i</th>
                <th scope="col">Analytic g</th>
                <th scope="col">Numeric g̃</th>
                <th scope="col">Relative error</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.key}>
                  <td>{l.matrix}</td>
                  <td>{l.row}</td>
                  <td>{l.entry}</td>
                  <td>{l.analytic.toPrecision(5)}</td>
                  <td>{l.numeric.toPrecision(5)}</td>
                  <td>{formatError(l.relError)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <GradcheckPlot check={check} />
      </div>
    </>
  );
}

/**
 * Panel 9: the gradient check (MATH.md §8). Compares the analytic gradient of one example's loss
 * with central differences, optionally with a deliberate slip, and says whether it passes.
 */
export function GradcheckPanel() {
  const breakMode = useStore(inspectStore, (s) => s.gradcheck.breakMode);
  const answer = useStore(inspectStore, (s) => s.gradcheck.answer);
  const isRunning = useStore(inspectStore, (s) => s.gradcheck.isRunning);
  const words = useStore(inspectStore, (s) => s.context?.words) ?? [];
  const hintId = useId();
  const explain = BREAK_MODES.find((m) => m.id === breakMode)?.explain ?? '';

  const runId = useStore(inspectStore, (s) => s.context?.runId ?? null);
  // A check as soon as the panel opens and after every new model (which clears the last answer).
  useEffect(() => {
    const { answer: last, isRunning: busy } = inspectStore.getState().gradcheck;
    if (runId !== null && !last && !busy) void runGradcheck();
  }, [runId]);

  return (
    <div className="gradcheck">
      <p>
        Backpropagation gives the gradient g by the chain rule. To test it, nudge one entry x_i of
        the example&rsquo;s rows up and down by a tiny h, recompute the loss each time, and take the
        slope between the two. This central difference is accurate to order h², far better than a
        one-sided nudge:
      </p>
      <Tex tex={CENTRAL_DIFFERENCE} />
      <p>
        The check repeats this for every entry of the rows the example touches and compares with the
        analytic g. The CS224n rule: the relative error must stay below 10⁻⁵ everywhere.
      </p>
      <Tex tex={RELATIVE_ERROR} />
      <div className="gradcheck-controls">
        <button type="button" onClick={() => void runGradcheck()} aria-busy={isRunning}>
          Run gradient check
        </button>
        <label>
          Break the gradient
          <select
            value={breakMode}
            aria-describedby={hintId}
            onChange={(event) => void setBreakMode(event.target.value as BreakMode)}
          >
            {BREAK_MODES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={hintId} className="hint">
        {explain}
      </p>
      <p
        className={`gradcheck-verdict${answer && !isRunning ? (answer.check.passed ? ' is-passed' : ' is-failed') : ''}`}
        aria-live="polite"
      >
        {isRunning
          ? 'Checking…'
          : answer
            ? verdictText(answer.check)
            : 'No result yet: the check needs a model (load a corpus first).'}
      </p>
      {answer && <Result answer={answer} words={words} />}
    </div>
  );
}
