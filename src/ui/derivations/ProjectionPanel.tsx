import { useStore } from 'zustand';
import { configStore } from '../../state/configStore';
import { runStore } from '../../state/runStore';
import { PROJECTION_TEX } from './formulas';
import { NumberList } from './LiveNumber';
import { Tex } from './Tex';
import { useLiveValues } from './useInspect';

/** Panel 8: how the map's 2-D coordinates come from the vectors (centred SVD). */
export function ProjectionPanel() {
  const shown = useStore(runStore, (s) => s.view.shown.length);
  const dim = useStore(runStore, (s) => s.config?.dim ?? 0);
  const isConcat = useStore(configStore, (s) => s.view.vectors === 'concat');
  const { explained } = useLiveValues();
  const d = isConcat ? 2 * dim : dim;
  return (
    <div className="derivation-main">
      <p>
        The map shows n chosen words. Each is a row of X (n × d): its centre vector, its outside
        vector, or both side by side, as the view setting says. First the mean row{' '}
        <Tex isInline tex="\mu" /> is subtracted, so the cloud sits around the origin:
      </p>
      <Tex tex={PROJECTION_TEX.centre} />
      <p>
        The singular value decomposition of the centred rows finds the directions of largest spread
        (P, Σ, Q are the SVD&apos;s factors here, not the word matrices). The first two columns of Q
        become the map&apos;s axes, and each word is placed at its centred row projected on them:
      </p>
      <Tex tex={PROJECTION_TEX.svd} />
      <p>The share of the total spread that each axis keeps:</p>
      <Tex tex={PROJECTION_TEX.explained} />
      <p>
        A singular vector is defined only up to its sign, so a fresh decomposition could mirror the
        map from one frame to the next. Each axis is flipped (and the two are swapped, if that fits
        better) to agree with the previous frame&apos;s axes:
      </p>
      <Tex tex={PROJECTION_TEX.sign} />
      <p>
        With fewer words than dimensions (n &lt; d) the code decomposes the small n × n matrix{' '}
        <Tex isInline tex="\bar X \bar X^\top" /> instead of the d × d one; both share their nonzero
        eigenvalues, and each axis follows from the small one&apos;s eigenvector:
      </p>
      <Tex tex={PROJECTION_TEX.gram} />
      <p>
        With background points the map may hold thousands of rows, and a full decomposition every
        frame would cost too much. Above 1,000 rows the worker instead repeats{' '}
        <Tex isInline tex="Q \leftarrow \operatorname{orth}(\bar X^\top \bar X\, Q)" />, starting
        from the previous frame&apos;s two axes: the vectors change little between frames, so two
        such passes over the rows keep the axes on the top two singular directions at O(n·d) cost.
      </p>
      <div className="derivation-live" role="group" aria-label="Numbers of the current map">
        <p className="derivation-live-title">The current map</p>
        <NumberList
          label="The projection now"
          items={[
            { name: 'Words shown', symbol: 'n', value: String(shown) },
            { name: 'Numbers per word', symbol: 'd', value: String(d) },
            { name: 'Spread kept by axis 1', symbol: 'r_1', value: explained[0], role: 'prob' },
            { name: 'Spread kept by axis 2', symbol: 'r_2', value: explained[1], role: 'prob' },
            {
              name: 'Kept by the map',
              symbol: 'r_1 + r_2',
              value: explained[0] + explained[1],
              role: 'prob',
            },
          ]}
        />
      </div>
    </div>
  );
}
