import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { configStore } from '../../state/configStore';
import { togglePanel } from '../../state/inspectActions';
import { panelsFor, type PanelId } from '../../state/panels';
import { runStore } from '../../state/runStore';
import { panelHref } from '../../state/panelLink';
import { ExampleBars } from './ExampleBars';
import { GradcheckPanel } from './GradcheckPanel';
import { HsPanel } from './HsPanel';
import { HuffmanTree } from './HuffmanTree';
import { ModelPanel } from './ModelPanel';
import { NsPanel } from './NsPanel';
import { Panel } from './Panel';
import { ProjectionPanel } from './ProjectionPanel';
import { SamplingChart } from './SamplingChart';
import { SgdPanel } from './SgdPanel';
import { SigmoidPanel } from './SigmoidPanel';
import { SlowStepBar, useStageClass } from './SlowStepBar';
import { SoftmaxPanel } from './SoftmaxPanel';
import { WeightsHeatmap } from './WeightsHeatmap';
import { WindowPanel } from './WindowPanel';
import './derivations.css';
import './section.css';

/** What each panel shows: the derivation with its live numbers, then its charts. */
const BODIES: Record<PanelId, () => ReactNode> = {
  model: () => <ModelPanel />,
  softmax: () => (
    <>
      <SoftmaxPanel />
      <ExampleBars showPairSelect={false} />
    </>
  ),
  sigmoid: () => <SigmoidPanel />,
  ns: () => (
    <>
      <NsPanel />
      <ExampleBars showPairSelect={false} />
      <SamplingChart variant="noise" />
    </>
  ),
  hs: () => (
    <>
      <HsPanel />
      <ExampleBars showPairSelect={false} />
      <HuffmanTree showPairSelect={false} />
    </>
  ),
  window: () => <WindowPanel />,
  sgd: () => (
    <>
      <SgdPanel />
      <SamplingChart variant="subsampling" />
    </>
  ),
  projection: () => <ProjectionPanel />,
  gradcheck: () => <GradcheckPanel />,
  weights: () => <WeightsHeatmap />,
};

/**
 * "The math, live": the derivations of the active model × loss, each next to the numbers of a
 * training example the model really trained, with the slow step on top.
 */
export function DerivationsSection() {
  const open = useStore(configStore, (s) => s.panels);
  const loss = useStore(runStore, (s) => s.config?.loss) ?? configStore.getState().config.loss;
  const stageClass = useStageClass();
  const offered = panelsFor(loss);
  return (
    <section
      className={`panel derivations ${stageClass}`}
      aria-labelledby="derivations-heading"
      id="derivations"
    >
      <h2 id="derivations-heading">The math, live</h2>
      <p className="derivations-intro">
        Open a panel to see a derivation beside the numbers of an example the model is training on
        right now. Slow step walks one update through every stage.
      </p>
      <SlowStepBar />
      <div className="derivation-grid">
        {offered.map((spec, i) => (
          <Panel
            key={spec.id}
            spec={spec}
            number={i + 1}
            isOpen={open.includes(spec.id)}
            onToggle={() => togglePanel(spec.id)}
            href={panelHref(spec.id)}
          >
            {BODIES[spec.id]()}
          </Panel>
        ))}
      </div>
    </section>
  );
}
