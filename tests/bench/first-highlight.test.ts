import { describe, expect, it } from 'vitest';
import { type LoadTimes, phasesOf } from '../../bench/lib/first-highlight';
import { FIRST_HIGHLIGHT_PHASES } from '../../bench/lib/report';

const load = (over: Partial<LoadTimes> = {}): LoadTimes => ({
  dcl: 100,
  registered: 190,
  painted: 200,
  marks: {
    'gate-start': 110,
    'gate-probe': 112,
    'engine-start': 140,
    'detect-start': 150,
    'detect-end': 160,
    'anchor-end': 185,
    painted: 188,
  },
  injecting: 120,
  ...over,
});

describe('the way to the first highlight', () => {
  it('splits DOMContentLoaded -> painted into phases that add up to the total', () => {
    const p = phasesOf(load());
    expect(p).toEqual({
      beforeGate: 10,
      gate: 2,
      message: 8,
      engineInjection: 20,
      packLoad: 10,
      detection: 10,
      anchoring: 25,
      paint: 15,
    });
    const sum = FIRST_HIGHLIGHT_PHASES.reduce((a, k) => a + (p?.[k] ?? 0), 0);
    expect(sum).toBe(100);
  });

  it('counts work done before DOMContentLoaded as nothing (the gate ran at document_end)', () => {
    const p = phasesOf(load({ marks: { ...load().marks, 'gate-start': 90, 'gate-probe': 95 } }));
    expect(p?.beforeGate).toBe(0);
    expect(p?.gate).toBe(0);
    expect(p?.message).toBe(20);
  });

  it('without the background side (Firefox), message and injection are one figure', () => {
    const p = phasesOf(load({ injecting: null }));
    expect(p?.message).toBeNull();
    expect(p?.engineInjection).toBe(28);
  });

  it('a load with no highlight painted has no phases', () => {
    expect(phasesOf(load({ painted: null }))).toBeNull();
  });
});
