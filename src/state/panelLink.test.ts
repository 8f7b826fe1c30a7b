import { describe, expect, it } from 'vitest';
import { initialConfigState } from './configStore';
import { panelQuery } from './panelLink';
import { parseState } from './urlSchema';

describe('panel links', () => {
  it('add the panel to the open ones, in page order, with its anchor', () => {
    const state = { ...initialConfigState(), panels: ['sgd' as const] };
    const link = panelQuery(state, 'model');
    expect(link).toMatch(/#panel-model$/);
    const query = link.slice(0, link.indexOf('#'));
    expect(parseState(query).state.panels).toEqual(['model', 'sgd']);
  });

  it('keep the run reproducible: the seed and settings ride along', () => {
    const state = initialConfigState();
    state.config = { ...state.config, seed: 1234, dim: 17 };
    const { state: parsed } = parseState(panelQuery(state, 'ns').split('#')[0]!);
    expect(parsed.config.seed).toBe(1234);
    expect(parsed.config.dim).toBe(17);
    expect(parsed.panels).toEqual(['ns']);
  });
});
