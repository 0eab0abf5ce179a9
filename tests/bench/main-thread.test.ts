import { describe, expect, it } from 'vitest';
import { markOf, scriptCost, type TraceEvent, taskCost } from '../../bench/lib/main-thread';

const ORIGIN = 'chrome-extension://abc/';
const main = { pid: 1, tid: 7 };
const x = (name: string, ts: number, dur: number, url?: string, thread = main): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur: dur / 2,
  ...thread,
  ...(url ? { args: { data: { url } } } : {}),
});

const events: TraceEvent[] = [
  { name: 'gloss:gate-start', ph: 'R', ts: 900, cat: 'blink.user_timing', ...main },
  // Task 1: the gate's script (2 ms), a call of it nested inside (not counted twice).
  x('RunTask', 1000, 3000),
  x('EvaluateScript', 1100, 2000, `${ORIGIN}content/gate.js`),
  x('FunctionCall', 1200, 500, `${ORIGIN}content/gate.js`),
  // Task 2: the page's own script, then a gate observer callback (0.5 ms).
  x('RunTask', 5000, 4000),
  x('FunctionCall', 5100, 2000, 'https://www.straitstimes.com/app.js'),
  x('FunctionCall', 7200, 500, `${ORIGIN}content/gate.js`),
  // Task 3: the engine (6 ms), another thread's task ignored.
  x('RunTask', 10_000, 6500),
  x('FunctionCall', 10_100, 6000, `${ORIGIN}content/engine.js`),
  x('RunTask', 10_000, 50_000, undefined, { pid: 1, tid: 8 }),
];

describe('main-thread cost from a trace', () => {
  it('finds the page main thread by its mark', () => {
    expect(markOf(events, 'gloss:gate-start')).toEqual({ ...main, ts: 900 });
    expect(markOf(events, 'gloss:painted')).toBeNull();
  });

  it('sums the outermost events of the origin per task; the longest task is the most in one', () => {
    const cost = scriptCost(events, main, ORIGIN);
    expect(cost.tasks).toBe(3);
    expect(cost.totalMs).toBeCloseTo(8.5);
    expect(cost.longestTaskMs).toBeCloseTo(6);
    expect(cost.cpuTotalMs).toBeCloseTo(4.25);
    expect(cost.cpuLongestTaskMs).toBeCloseTo(3);
    expect(cost.byScript).toEqual({ 'content/gate.js': 2.5, 'content/engine.js': 6 });
    expect(scriptCost(events, main, ORIGIN, 5000, 9000).totalMs).toBeCloseTo(0.5);
  });

  it('counts every task of the thread inside a window, clipped to it', () => {
    const cost = taskCost(events, main, 2000, 12_000);
    expect(cost.tasks).toBe(3);
    expect(cost.totalMs).toBeCloseTo(2 + 4 + 2);
    expect(cost.longestTaskMs).toBeCloseTo(4);
    expect(cost.cpuTotalMs).toBeCloseTo(4);
  });

  it('has no CPU figure when the trace has no thread times', () => {
    const wall = events.map(({ tdur, ...e }) => e);
    expect(scriptCost(wall, main, ORIGIN).cpuTotalMs).toBeNull();
    expect(taskCost(wall, main, 0, 20_000).cpuTotalMs).toBeNull();
  });
});
