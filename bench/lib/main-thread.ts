/**
 * Main-thread cost from a Chromium trace (CDP Tracing, categories `toplevel`, `devtools.timeline`,
 * `blink.user_timing`): the page's renderer main thread is the one where the page's
 * `performance.mark`s appear; its tasks are the outermost complete events on that thread.
 * Two readings, both pure (tests/bench/main-thread.test.ts):
 *  - `scriptCost`: the time spent in one origin's scripts (the extension's content scripts): the
 *    outermost events that name a script of it (EvaluateScript, FunctionCall, TimerFire…, by
 *    `args.data.url`), summed per task. Promise continuations run as microtasks that name no
 *    script, so sliced async work after its first `await` is not seen this way;
 *  - `taskCost`: every task of the thread between two instants (clipped to them): on a page that
 *    is static by then, the work of whoever runs there (the engine's detect between its marks).
 * Each in wall time (`dur`) and in the thread's CPU time (`tdur`, `cpu*`): on a loaded machine a
 * task is often taken off the core mid-way, and its wall time then counts other processes' work;
 * its CPU time does not.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs, where the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: { url?: string; scriptName?: string } } & Record<string, unknown>;
}

export interface Thread {
  pid: number;
  tid: number;
}

/** The thread where a mark named `markName` was recorded (the page's main thread), its time. */
export function markOf(
  events: readonly TraceEvent[],
  markName: string,
): (Thread & { ts: number }) | null {
  const e = events.find((x) => x.name === markName && (x.cat ?? '').includes('blink.user_timing'));
  return e ? { pid: e.pid, tid: e.tid, ts: e.ts } : null;
}

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';

interface Node {
  event: TraceEvent;
  end: number;
}

/** The thread's complete events, outermost first at equal start, each with its task (outermost). */
function* walk(events: readonly TraceEvent[], thread: Thread) {
  const mine = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur != null)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const stack: Node[] = [];
  for (const event of mine) {
    const end = event.ts + (event.dur as number);
    while (stack.length && (stack.at(-1) as Node).end <= event.ts) stack.pop();
    yield { event, stack: stack as readonly Node[] };
    stack.push({ event, end });
  }
}

export interface ScriptCost {
  /** Sum over the tasks of the time in the origin's scripts (ms). */
  totalMs: number;
  /** The most time in the origin's scripts within one task (ms). */
  longestTaskMs: number;
  /** The same in the thread's CPU time (null when the trace has no thread times). */
  cpuTotalMs: number | null;
  cpuLongestTaskMs: number | null;
  /** Tasks in which the origin's scripts ran. */
  tasks: number;
  /** Time per script path (ms), e.g. `content/gate.js`. */
  byScript: Record<string, number>;
}

/** Time in the scripts whose URL starts with `origin`, per task of `thread`, from `fromTs` on. */
export function scriptCost(
  events: readonly TraceEvent[],
  thread: Thread,
  origin: string,
  fromTs = Number.NEGATIVE_INFINITY,
  toTs = Number.POSITIVE_INFINITY,
): ScriptCost {
  const perTask = new Map<TraceEvent, number>();
  const cpuPerTask = new Map<TraceEvent, number>();
  let cpuKnown = true;
  const byScript: Record<string, number> = {};
  for (const { event, stack } of walk(events, thread)) {
    if (event.ts < fromTs || event.ts > toTs) continue;
    const url = urlOf(event);
    if (!url.startsWith(origin)) continue;
    if (stack.some((n) => urlOf(n.event).startsWith(origin))) continue; // counted by its parent
    const task = stack[0]?.event ?? event;
    const ms = (event.dur as number) / 1000;
    perTask.set(task, (perTask.get(task) ?? 0) + ms);
    if (event.tdur == null) cpuKnown = false;
    else cpuPerTask.set(task, (cpuPerTask.get(task) ?? 0) + event.tdur / 1000);
    const script = url.slice(origin.length).replace(/^\//, '');
    byScript[script] = (byScript[script] ?? 0) + ms;
  }
  const costs = [...perTask.values()];
  const cpu = [...cpuPerTask.values()];
  return {
    totalMs: sum(costs),
    longestTaskMs: Math.max(0, ...costs),
    cpuTotalMs: cpuKnown ? sum(cpu) : null,
    cpuLongestTaskMs: cpuKnown ? Math.max(0, ...cpu) : null,
    tasks: costs.length,
    byScript,
  };
}

export interface TaskCost {
  totalMs: number;
  longestTaskMs: number;
  /** In the thread's CPU time (a task cut by the window counts its share); null if not traced. */
  cpuTotalMs: number | null;
  cpuLongestTaskMs: number | null;
  tasks: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every task of `thread` between `fromTs` and `toTs` (µs), clipped to that window. */
export function taskCost(
  events: readonly TraceEvent[],
  thread: Thread,
  fromTs: number,
  toTs: number,
): TaskCost {
  const costs: number[] = [];
  const cpu: number[] = [];
  let cpuKnown = true;
  for (const { event, stack } of walk(events, thread)) {
    if (stack.length > 0) continue;
    const dur = event.dur as number;
    const start = Math.max(event.ts, fromTs);
    const end = Math.min(event.ts + dur, toTs);
    if (end <= start) continue;
    costs.push((end - start) / 1000);
    if (event.tdur == null) cpuKnown = false;
    else cpu.push(((event.tdur / 1000) * (end - start)) / Math.max(dur, 1));
  }
  return {
    totalMs: sum(costs),
    longestTaskMs: Math.max(0, ...costs),
    cpuTotalMs: cpuKnown ? sum(cpu) : null,
    cpuLongestTaskMs: cpuKnown ? Math.max(0, ...cpu) : null,
    tasks: costs.length,
  };
}

/** The categories `captureTrace` records. */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/** A CDP session as playwright-core gives it (the methods used here). */
export interface CdpSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, listener: (e: never) => void): unknown;
}

/** Starts tracing on `cdp`; the returned function ends it and gives the events. */
export async function startTrace(cdp: CdpSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  let complete: () => void = () => {};
  const done = new Promise<void>((ok) => {
    complete = ok;
  });
  cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => {
    for (const x of e.value) events.push(x);
  });
  cdp.on('Tracing.tracingComplete', () => complete());
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}
