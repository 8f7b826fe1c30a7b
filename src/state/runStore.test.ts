import { beforeEach, describe, expect, it } from 'vitest';
import { createRunStore, INITIAL_RUN_STATE } from './runStore';

describe('runStore', () => {
  let store = createRunStore();
  beforeEach(() => {
    store = createRunStore();
  });

  it('starts idle with no corpus and the teaching query words', () => {
    expect(store.getState().status).toBe('idle');
    expect(store.getState().corpus).toBeNull();
    expect(store.getState().queryWords).toEqual(['king', 'dog', 'coffee', 'rain']);
  });

  it('notifies subscribers once per setState and merges partial updates', () => {
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.status));
    store.setState({ status: 'training' });
    store.setState({ status: 'paused', message: '' });
    expect(seen).toEqual(['training', 'paused']);
    expect(store.getState().queryWords).toEqual(INITIAL_RUN_STATE.queryWords);
  });

  it('stores are independent (tests and the app do not share state)', () => {
    const other = createRunStore();
    store.setState({ status: 'error', message: 'x' });
    expect(other.getState().status).toBe('idle');
  });
});
