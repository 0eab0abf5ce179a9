/**
 * Results: the table on stdout, the JSON file, bench/RESULTS.md and the SVG chart. Pure.
 */

export const PAGES = [
  'canonical',
  'edited',
  'text-20k',
  'text-100k',
  'text-500k',
  'text-2m',
] as const;
export const PACKS = ['1x', '10x', '100x'] as const;
export const LIBRARIES = [
  'gloss',
  'apache-annotator',
  'hypothesis-style',
  'dom-anchor-text-quote',
  'floor-read',
  'floor-indexof',
] as const;
/**
 * Lower bounds, not libraries: `floor-read` reads every character of every text node once;
 * `floor-indexof` does that and finds each selector's exact text once with indexOf. They anchor
 * nothing, so they have no correctness columns.
 */
export const FLOORS = ['floor-read', 'floor-indexof'] as const;
export type FloorId = (typeof FLOORS)[number];
export const isFloor = (l: LibraryId): l is FloorId => (FLOORS as readonly string[]).includes(l);

export type PageId = (typeof PAGES)[number];
export type PackId = (typeof PACKS)[number];
export type LibraryId = (typeof LIBRARIES)[number];

export interface Cell {
  page: PageId;
  pack: PackId;
  library: LibraryId;
  /** Median time of anchoring the whole pack once; null when timed out or skipped. */
  medianMs: number | null;
  /** Selectors given a range (null for the floors, which anchor nothing). */
  anchored: number | null;
  /** Of those, how many are in the wrong place. */
  wrong: number | null;
  selectors: number;
  iterations: number;
  /** 'ok' | 'timeout' (one iteration ran past the cap) | 'skipped' (predicted to time out). */
  status: 'ok' | 'timeout' | 'skipped';
  /** For skipped cells: the extrapolated time of one iteration. */
  estimatedMs?: number;
  pageChars: number;
  minMs?: number;
  p90Ms?: number;
  /** The very first (cold, unwarmed) run in the page. */
  firstRunMs?: number;
}

/**
 * The way from DOMContentLoaded to the first painted highlight, in order (they add up to the
 * total): waiting for the gate to run, the gate itself, its message to the background, the
 * engine's injection (the background's work, the script's compile and module set-up), loading
 * the pack, detection, anchoring, painting (until the highlight is in CSS.highlights and a frame
 * was rendered).
 */
export const FIRST_HIGHLIGHT_PHASES = [
  'beforeGate',
  'gate',
  'message',
  'engineInjection',
  'packLoad',
  'detection',
  'anchoring',
  'paint',
] as const;
export type FirstHighlightPhase = (typeof FIRST_HIGHLIGHT_PHASES)[number];
export type PhaseTimes = Record<FirstHighlightPhase, number | null>;

/** Median of each phase over several loads; null for a phase no load could separate. */
export function medianPhases(runs: readonly PhaseTimes[]): PhaseTimes {
  const out = {} as PhaseTimes;
  for (const phase of FIRST_HIGHLIGHT_PHASES) {
    const xs = runs.map((r) => r[phase]).filter((v): v is number => v !== null);
    out[phase] = xs.length ? median(xs) : null;
  }
  return out;
}

export interface FirstHighlightSummary {
  browser: string;
  /** Median over the loads of DOMContentLoaded -> first highlight painted. */
  afterDclMs: number | null;
  /** Median of each phase over the loads (so they need not add up to the median total). */
  phases: PhaseTimes | null;
}

/** What one catalogue size costs (the issue's shape; null where not measured). */
export interface ScaleRow {
  packs: number;
  /** The code that runs on every page of a supported site, gzip -9. */
  gateGzipBytes: number | null;
  /** The gate's work on a non-article page of a supported site, per page. */
  detectNonArticleMs: number | null;
  /** From the article's text being on the page to knowing which article it is. */
  recognitionMs: number | null;
  /** What the background holds to answer the gate (heap growth after loading it). */
  backgroundMemoryBytes: number | null;
  /** The extension package (zip of what ships for this catalogue). */
  packageBytes: number | null;
  /** Building what depends on the catalogue. */
  buildMs: number | null;
}
export const SCALE_FIELDS = [
  'gateGzipBytes',
  'detectNonArticleMs',
  'recognitionMs',
  'backgroundMemoryBytes',
  'packageBytes',
  'buildMs',
] as const satisfies ReadonlyArray<keyof ScaleRow>;

export interface Report {
  browser: string;
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string };
  results: Cell[];
  metrics: Record<string, number | null>;
  /**
   * Time to the first highlight per browser; Chromium's phases are metrics.firstHighlightPhases
   * in the JSON (null there when not measured).
   */
  firstHighlight: Partial<Record<'chromium' | 'firefox', FirstHighlightSummary>>;
  /** One row per generated catalogue size (empty without --scale). */
  scale: ScaleRow[];
  details: Record<string, unknown>;
  targets: Target[];
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  pass: boolean | null;
  note?: string;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

/**
 * Iterations for a cell after a warm-up run of `warmupMs`: enough for about `targetMs` of work,
 * at least `min`, at most `max`; a single iteration when one run already takes over `slowMs`.
 */
export function iterationsFor(
  warmupMs: number,
  { targetMs = 400, min = 5, max = 400, slowMs = 4000 } = {},
): number {
  if (warmupMs >= slowMs) return 1;
  if (warmupMs >= 1000) return 2;
  if (warmupMs >= targetMs / min) return Math.max(2, Math.min(min, Math.round(1000 / warmupMs)));
  return Math.max(min, Math.min(max, Math.round(targetMs / Math.max(0.01, warmupMs))));
}

/**
 * Predicted time of one iteration from the nearest smaller cells of the same library: the same
 * page with the largest smaller pack (scaled by the selector count), and the same pack on the
 * largest smaller page (scaled by the text length). Every peer searches the text once per
 * selector, so both are rough lower bounds for them. Returns the larger estimate, or null.
 */
export function predictMs(
  done: readonly Cell[],
  library: LibraryId,
  selectors: number,
  pageChars: number,
): number | null {
  const mine = done.filter((c) => c.library === library && (c.medianMs ?? c.estimatedMs) != null);
  const t = (c: Cell) => (c.medianMs ?? c.estimatedMs) as number;
  const samePage = mine
    .filter((c) => c.pageChars === pageChars && c.selectors < selectors)
    .sort((a, b) => b.selectors - a.selectors)[0];
  const samePack = mine
    .filter((c) => c.selectors === selectors && c.pageChars < pageChars)
    .sort((a, b) => b.pageChars - a.pageChars)[0];
  const est: number[] = [];
  if (samePage) est.push((t(samePage) * selectors) / samePage.selectors);
  if (samePack) est.push((t(samePack) * pageChars) / samePack.pageChars);
  return est.length ? Math.max(...est) : null;
}

export const fmtMs = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '-';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
};

function cellTime(c: Cell): string {
  if (c.status === 'timeout') return 'timeout';
  if (c.status === 'skipped')
    return c.estimatedMs ? `timeout (est. ${fmtMs(c.estimatedMs / 1000)} s)` : 'timeout';
  return fmtMs(c.medianMs);
}

function cellCorrect(c: Cell): string {
  if (c.anchored === null) return '';
  return `${c.anchored}/${c.selectors}${c.wrong ? ` (${c.wrong} wrong)` : ''}`;
}

/** Rows: page x pack; columns: each library's time and anchored/wrong counts. */
export function tableRows(cells: readonly Cell[]): string[][] {
  const header = ['page', 'pack', 'chars'];
  for (const l of LIBRARIES) {
    header.push(`${l} ms`);
    if (!isFloor(l)) header.push(`${l} anchored`);
  }
  const rows: string[][] = [header];
  for (const page of PAGES) {
    for (const pack of PACKS) {
      const here = cells.filter((c) => c.page === page && c.pack === pack);
      if (here.length === 0) continue;
      const row = [page, pack, String(here[0]?.pageChars ?? '')];
      for (const l of LIBRARIES) {
        const c = here.find((x) => x.library === l);
        row.push(c ? cellTime(c) : '-');
        if (!isFloor(l)) row.push(c ? cellCorrect(c) : '-');
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Plain-text table with aligned columns. */
export function formatTable(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((v, i) => {
      widths[i] = Math.max(widths[i] ?? 0, v.length);
    });
  }
  return rows
    .map((r, k) => {
      const line = r.map((v, i) => (i < 3 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)));
      const s = line.join('  ');
      return k === 0 ? `${s}\n${'-'.repeat(s.length)}` : s;
    })
    .join('\n');
}

export function markdownTable(rows: readonly string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  const esc = (v: string) => v.replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map((_, i) => (i < 3 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** The JSON file: the required shape plus everything else we measured. */
export function toJson(report: Report): string {
  return `${JSON.stringify(
    {
      browser: report.browser,
      date: report.date,
      machine: report.machine,
      results: report.results.map((c) => ({
        page: c.page,
        pack: c.pack,
        library: c.library,
        medianMs: c.medianMs,
        anchored: c.anchored,
        wrong: c.wrong,
        status: c.status,
        selectors: c.selectors,
        iterations: c.iterations,
        pageChars: c.pageChars,
        ...(c.estimatedMs !== undefined ? { estimatedMs: c.estimatedMs } : {}),
        ...(c.minMs !== undefined ? { minMs: c.minMs } : {}),
        ...(c.p90Ms !== undefined ? { p90Ms: c.p90Ms } : {}),
        ...(c.firstRunMs !== undefined ? { firstRunMs: c.firstRunMs } : {}),
      })),
      metrics: {
        ...report.metrics,
        firstHighlightPhases: report.firstHighlight.chromium?.phases ?? null,
        scale: report.scale,
      },
      targets: report.targets,
      details: report.details,
    },
    null,
    2,
  )}\n`;
}

const COLORS: Record<LibraryId, string> = {
  gloss: '#d9480f',
  'apache-annotator': '#1971c2',
  'hypothesis-style': '#2f9e44',
  'dom-anchor-text-quote': '#9c36b5',
  'floor-read': '#495057',
  'floor-indexof': '#adb5bd',
};

/**
 * Log-log chart of time against page text size, one line per library, for one pack. Timed-out
 * cells are drawn as an open marker at the top edge.
 */
export function renderChart(cells: readonly Cell[], pack: PackId = '1x'): string {
  const pages: PageId[] = ['canonical', 'text-20k', 'text-100k', 'text-500k', 'text-2m'];
  const pts = cells.filter((c) => c.pack === pack && pages.includes(c.page));
  const W = 760;
  const H = 440;
  const L = 70;
  const R = 190;
  const T = 40;
  const B = 60;
  const xs = pts.map((c) => c.pageChars).filter((x) => x > 0);
  const ys = pts.map((c) => c.medianMs).filter((y): y is number => y !== null && y > 0);
  const xmin = Math.min(...xs, 1e3);
  const xmax = Math.max(...xs, 2e6);
  const ymin = 10 ** Math.floor(Math.log10(Math.min(...ys, 1)));
  const ymax = 10 ** Math.ceil(Math.log10(Math.max(...ys, 10)));
  const px = (x: number) =>
    L + ((Math.log10(x) - Math.log10(xmin)) / (Math.log10(xmax) - Math.log10(xmin))) * (W - L - R);
  const py = (y: number) =>
    H -
    B -
    ((Math.log10(y) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin))) * (H - T - B);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img" aria-label="Anchoring time against page text size, per library">`,
    `<title>Anchoring time against page text size (pack ${pack}), per library</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${L}" y="22" font-size="15" font-weight="bold">Anchoring time vs page text size (pack ${pack}, median, log-log)</text>`,
  );
  for (let e = Math.log10(ymin); e <= Math.log10(ymax); e++) {
    const y = py(10 ** e);
    out.push(
      `<line x1="${L}" x2="${W - R}" y1="${y}" y2="${y}" stroke="#e9ecef"/>`,
      `<text x="${L - 6}" y="${y + 4}" text-anchor="end">${fmtMs(10 ** e)} ms</text>`,
    );
  }
  const xticks = [1e4, 1e5, 1e6].filter((x) => x >= xmin && x <= xmax);
  for (const x of [...new Set([...xticks, ...xs])].sort((a, b) => a - b)) {
    const X = px(x);
    out.push(`<line x1="${X}" x2="${X}" y1="${T}" y2="${H - B}" stroke="#f1f3f5"/>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(
      `<text x="${px(x)}" y="${H - B + 16}" text-anchor="middle">${x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : `${Math.round(x / 1e3)}k`}</text>`,
    );
  }
  out.push(
    `<text x="${(L + W - R) / 2}" y="${H - 18}" text-anchor="middle">page text (characters)</text>`,
    `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#343a40"/>`,
    `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#343a40"/>`,
  );
  LIBRARIES.forEach((lib, i) => {
    const series = pts.filter((c) => c.library === lib).sort((a, b) => a.pageChars - b.pageChars);
    const ok = series.filter((c) => c.medianMs !== null && c.medianMs > 0);
    if (ok.length > 1) {
      const d = ok
        .map(
          (c, k) =>
            `${k ? 'L' : 'M'}${px(c.pageChars).toFixed(1)},${py(c.medianMs as number).toFixed(1)}`,
        )
        .join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${COLORS[lib]}" stroke-width="2"/>`);
    }
    for (const c of ok) {
      out.push(
        `<circle cx="${px(c.pageChars).toFixed(1)}" cy="${py(c.medianMs as number).toFixed(1)}" r="3.5" fill="${COLORS[lib]}"/>`,
      );
    }
    for (const c of series.filter((s) => s.medianMs === null)) {
      out.push(
        `<circle cx="${px(c.pageChars).toFixed(1)}" cy="${T}" r="4" fill="#fff" stroke="${COLORS[lib]}" stroke-width="2"><title>${lib}: timeout</title></circle>`,
      );
    }
    const ly = T + 10 + i * 20;
    out.push(
      `<line x1="${W - R + 15}" x2="${W - R + 40}" y1="${ly}" y2="${ly}" stroke="${COLORS[lib]}" stroke-width="2"/>`,
      `<text x="${W - R + 46}" y="${ly + 4}">${lib}</text>`,
    );
  });
  out.push(
    `<text x="${W - R + 15}" y="${T + 10 + LIBRARIES.length * 20 + 8}" fill="#868e96">open circle at top: timeout</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

export function targetsMarkdown(targets: readonly Target[]): string {
  const rows = targets.map(
    (t) =>
      `| ${t.name} | ${t.goal} | ${t.measured} | ${t.pass === null ? 'n/a' : t.pass ? 'pass' : '**miss**'} | ${t.note ?? ''} |`,
  );
  return [
    '| target | goal | measured | result | note |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const kb = (b: number | null) => (b === null ? '-' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b: number | null) => (b === null ? '-' : `${(b / 2 ** 20).toFixed(1)} MB`);

/** The scale table: one row per catalogue size. */
export function scaleMarkdown(rows: readonly ScaleRow[]): string {
  if (rows.length === 0) return '_Not measured in this run (`npm run bench -- --scale`)._';
  return [
    '| packs | gate (gzip) | non-article page | recognition | background memory | package | build |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.packs.toLocaleString('en-GB')} | ${kb(r.gateGzipBytes)} | ${fmtMs(r.detectNonArticleMs)} ms | ${fmtMs(r.recognitionMs)} ms | ${mb(r.backgroundMemoryBytes)} | ${mb(r.packageBytes)} | ${fmtMs(r.buildMs)} ms |`,
    ),
  ].join('\n');
}

/** Recognition's parts per catalogue size (details.scale of the scale part), when measured. */
export interface ScaleParts {
  packs: number;
  gateReadMs: number;
  indexLoadMs: number;
  lookupMs: number;
  lookupHeadlineMs: number;
  lookupLeadMs: number;
  engineDetectMs: number | null;
  indexFileBytes: number;
  validateMs: number;
  indexBuildMs: number;
  packScriptsMs: number;
  writeMs: number;
  recognisedBy: string | null;
}

/** Where recognition's and the build's time go, per catalogue size. */
export function scalePartsMarkdown(parts: readonly ScaleParts[]): string {
  if (parts.length === 0) return '';
  return [
    '| packs | gate read | index load | look-up (headline / lead) | engine detect | found by | index file | build: validate / index / pack scripts / write |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...parts.map(
      (r) =>
        `| ${r.packs.toLocaleString('en-GB')} | ${fmtMs(r.gateReadMs)} ms | ${fmtMs(r.indexLoadMs)} ms | ${fmtMs(r.lookupMs)} ms (${fmtMs(r.lookupHeadlineMs)} / ${fmtMs(r.lookupLeadMs)}) | ${fmtMs(r.engineDetectMs)} ms | ${r.recognisedBy ?? '-'} | ${mb(r.indexFileBytes)} | ${fmtMs(r.validateMs)} / ${fmtMs(r.indexBuildMs)} / ${fmtMs(r.packScriptsMs)} / ${fmtMs(r.writeMs)} ms |`,
    ),
  ].join('\n');
}

/** Issue #12's budgets (metrics of the budgets part), wall time and CPU time side by side. */
export function budgetsMarkdown(m: Report['metrics']): string {
  const v = (k: string) => (m[k] === null || m[k] === undefined ? '-' : fmtMs(m[k]));
  const rows: Array<[string, string, string, string, string, string]> = [
    [
      'changing section front, 30 s, never the article: the gate',
      '<= 5 ms in total, no task > 5 ms',
      v('changingPageGateMs'),
      v('changingPageGateLongestTaskMs'),
      v('changingPageGateCpuMs'),
      v('changingPageGateCpuLongestTaskMs'),
    ],
    [
      'the same, build for users (trace only)',
      '',
      '-',
      '-',
      v('changingPageUserBuildCpuMs'),
      v('changingPageUserBuildCpuLongestTaskMs'),
    ],
    [
      '400 KB live page: the gate + the engine’s detect',
      '<= 50 ms in total, in slices',
      v('livePageDetectMs'),
      v('livePageLongestSliceMs'),
      v('livePageDetectCpuMs'),
      v('livePageCpuLongestSliceMs'),
    ],
  ];
  if (rows.every((r) => r[2] === '-')) return '_Not measured in this run (`--only budgets`)._';
  return [
    '| budget | goal | total (wall) | longest task (wall) | total (CPU) | longest task (CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Last late paragraph -> its highlights (medians): one stage ${v('lateParagraphOneStageMs')} ms, streamed ${v('lateParagraphStreamedMs')} ms, two stages at an address no pack names ${v('lateParagraphTwoStagesMs')} ms.`,
  ].join('\n');
}

/** The way to the first highlight, phase by phase, one column per browser. */
export function firstHighlightMarkdown(fh: Report['firstHighlight']): string {
  const browsers = (['chromium', 'firefox'] as const).filter((b) => fh[b]);
  if (browsers.length === 0) return '_Not measured in this run._';
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '-' : fmtMs(v));
  return [
    `| phase | ${browsers.map((b) => fh[b]?.browser ?? b).join(' | ')} |`,
    `| --- |${browsers.map(() => ' ---: |').join('')}`,
    ...FIRST_HIGHLIGHT_PHASES.map(
      (p) => `| ${p} | ${browsers.map((b) => cell(fh[b]?.phases?.[p])).join(' | ')} |`,
    ),
    `| **DOMContentLoaded -> first highlight painted** | ${browsers.map((b) => `**${cell(fh[b]?.afterDclMs)}**`).join(' | ')} |`,
  ].join('\n');
}

export function resultsMarkdown(report: Report, notes: string): string {
  const m = report.machine;
  const metricRows = Object.entries(report.metrics).map(
    ([k, v]) => `| ${k} | ${v === null ? '-' : typeof v === 'number' ? fmtMs(v) : String(v)} |`,
  );
  return `# Gloss anchoring benchmark: results

Generated by \`npm run bench\` (bench/run.ts) on ${report.date}. Do not edit by hand: the next run
overwrites this file.

- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, ${m.os}, Node ${m.node}
- Browser: ${report.browser} (headless, playwright-core)

## Targets

${targetsMarkdown(report.targets)}

## Anchoring: time (median ms of one whole pack) and correctness

Each cell: median wall time to anchor every selector of the pack in \`document.body\` and get DOM
Ranges (index build included), and "anchored/selectors (wrong)". Wrong = the range is not at
the selector's true place in the page text (another occurrence of the same words counts as wrong;
so does anchoring text the page does not contain). The floors anchor nothing: floor-read reads
every character of every text node once; floor-indexof also finds each exact quote once with
indexOf.

${markdownTable(tableRows(report.results))}

![time vs page size](chart.svg)

## Scale: 1 to 100 000 articles, and the time to the first highlight

${scaleMarkdown(report.scale)}

${report.scale.length ? '![cost per catalogue size](scale.svg)\n' : ''}
${scalePartsMarkdown((report.details.scale ?? []) as ScaleParts[])}

Time to highlights on the canonical page (ms, medians of each phase over the loads):

${firstHighlightMarkdown(report.firstHighlight)}

## The gate that keeps looking: issue #12's budgets

${budgetsMarkdown(report.metrics)}

## Other metrics

| metric | value |
| --- | --- |
${metricRows.join('\n')}

${notes}
`;
}

const PHASE_COLORS: Record<FirstHighlightPhase, string> = {
  beforeGate: '#ced4da',
  gate: '#1971c2',
  message: '#74c0fc',
  engineInjection: '#9c36b5',
  packLoad: '#f08c00',
  detection: '#2f9e44',
  anchoring: '#d9480f',
  paint: '#495057',
};

/**
 * The scale chart: one small panel per cost (gate bytes, non-article detection, recognition,
 * background memory, package bytes) against the catalogue size (log-log), each with its goal
 * as a dashed line where the issue sets one; beside them, the time to the first highlight as
 * one stacked bar of phases per browser, with the 50 ms goal.
 */
export function renderScaleChart(
  rows: readonly ScaleRow[],
  firstHighlight: Report['firstHighlight'],
): string {
  const panels: Array<{
    key: keyof ScaleRow;
    title: string;
    unit: (v: number) => string;
    goal?: number;
  }> = [
    { key: 'gateGzipBytes', title: 'gate (gzip)', unit: (v) => kb(v), goal: 10 * 1024 },
    {
      key: 'detectNonArticleMs',
      title: 'non-article page',
      unit: (v) => `${fmtMs(v)} ms`,
      goal: 1,
    },
    { key: 'recognitionMs', title: 'recognition', unit: (v) => `${fmtMs(v)} ms`, goal: 50 },
    { key: 'backgroundMemoryBytes', title: 'background memory', unit: (v) => mb(v) },
    { key: 'packageBytes', title: 'package', unit: (v) => mb(v) },
  ];
  const PW = 220;
  const PH = 150;
  const GAP = 60;
  const L = 20;
  const T = 50;
  const barX = L + 3 * (PW + GAP) + 10;
  const W = barX + 330;
  const H = T + 2 * (PH + GAP) + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-label="Cost per catalogue size, and the time to the first highlight">`,
    '<title>Cost per catalogue size (log-log), and the time to the first highlight by phase</title>',
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${L}" y="22" font-size="15" font-weight="bold">Scale: cost per catalogue size (log-log; dashed: goal)</text>`,
  ];
  const sizes = rows.map((r) => r.packs).filter((p) => p > 0);
  const xmin = Math.min(...sizes, 1);
  const xmax = Math.max(...sizes, 10);
  panels.forEach((panel, i) => {
    const x0 = L + 40 + (i % 3) * (PW + GAP);
    const y0 = T + Math.floor(i / 3) * (PH + GAP);
    const pts = rows
      .map((r) => [r.packs, r[panel.key]] as const)
      .filter((p): p is readonly [number, number] => typeof p[1] === 'number' && p[1] > 0);
    const vals = [...pts.map((p) => p[1]), ...(panel.goal ? [panel.goal] : [])];
    const ymin = 10 ** Math.floor(Math.log10(Math.min(...vals, 1e9)));
    const ymax = 10 ** Math.ceil(Math.log10(Math.max(...vals, ymin * 10)));
    const lx = (v: number) =>
      xmax === xmin
        ? 0
        : (Math.log10(v) - Math.log10(xmin)) / (Math.log10(xmax) - Math.log10(xmin));
    const ly = (v: number) =>
      (Math.log10(v) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin));
    const px = (v: number) => x0 + lx(v) * PW;
    const py = (v: number) => y0 + PH - ly(v) * PH;
    out.push(
      `<text x="${x0}" y="${y0 - 8}" font-weight="bold">${panel.title}</text>`,
      `<rect x="${x0}" y="${y0}" width="${PW}" height="${PH}" fill="none" stroke="#adb5bd"/>`,
    );
    if (pts.length === 0) {
      out.push(
        `<text x="${x0 + PW / 2}" y="${y0 + PH / 2}" text-anchor="middle" fill="#868e96">not measured</text>`,
      );
      return;
    }
    for (const v of [ymin, ymax])
      out.push(
        `<text x="${x0 - 4}" y="${py(v) + 4}" text-anchor="end" font-size="9">${panel.unit(v)}</text>`,
      );
    for (const s of sizes)
      out.push(
        `<text x="${px(s)}" y="${y0 + PH + 13}" text-anchor="middle" font-size="9">${s.toLocaleString('en-GB')}</text>`,
      );
    if (panel.goal)
      out.push(
        `<line x1="${x0}" x2="${x0 + PW}" y1="${py(panel.goal)}" y2="${py(panel.goal)}" stroke="#e03131" stroke-dasharray="4 3"/>`,
      );
    out.push(
      `<path d="${pts.map((p, k) => `${k ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ')}" fill="none" stroke="#d9480f" stroke-width="2"/>`,
      ...pts.map(
        (p) =>
          `<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3" fill="#d9480f"><title>${p[0]} packs: ${panel.unit(p[1])}</title></circle>`,
      ),
    );
  });
  out.push(`<text x="${L + 40}" y="${H - 8}" fill="#868e96">x: articles in the catalogue</text>`);
  // The time to the first highlight, one stacked bar per browser.
  const browsers = (['chromium', 'firefox'] as const).filter((b) => firstHighlight[b]?.phases);
  out.push(
    `<text x="${barX}" y="${T - 8}" font-weight="bold">DOMContentLoaded -> first highlight (ms)</text>`,
  );
  const total = (b: (typeof browsers)[number]) =>
    FIRST_HIGHLIGHT_PHASES.reduce((a, p) => a + (firstHighlight[b]?.phases?.[p] ?? 0), 0);
  const maxMs = Math.max(50, ...browsers.map(total));
  const BW = 300;
  const sx = (ms: number) => (ms / maxMs) * BW;
  browsers.forEach((b, i) => {
    const y = T + 10 + i * 50;
    let x = barX;
    out.push(`<text x="${barX}" y="${y - 3}">${firstHighlight[b]?.browser ?? b}</text>`);
    for (const p of FIRST_HIGHLIGHT_PHASES) {
      const v = firstHighlight[b]?.phases?.[p] ?? 0;
      if (v <= 0) continue;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${sx(v).toFixed(1)}" height="22" fill="${PHASE_COLORS[p]}"><title>${p}: ${fmtMs(v)} ms</title></rect>`,
      );
      x += sx(v);
    }
    out.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 15}">${fmtMs(total(b))}</text>`);
  });
  if (browsers.length === 0)
    out.push(`<text x="${barX}" y="${T + 30}" fill="#868e96">not measured</text>`);
  const gx = barX + sx(50);
  out.push(
    `<line x1="${gx}" x2="${gx}" y1="${T}" y2="${T + 10 + browsers.length * 50}" stroke="#e03131" stroke-dasharray="4 3"/><text x="${gx + 3}" y="${T + 8}" fill="#e03131" font-size="9">50 ms goal</text>`,
  );
  FIRST_HIGHLIGHT_PHASES.forEach((p, i) => {
    const y = T + 120 + i * 16;
    out.push(
      `<rect x="${barX}" y="${y - 9}" width="12" height="12" fill="${PHASE_COLORS[p]}"/><text x="${barX + 18}" y="${y + 1}">${p}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The report back from its JSON file (toJson's inverse), to render RESULTS.md again. */
export function fromJson(text: string): Report {
  const j = JSON.parse(text) as {
    browser: string;
    date: string;
    machine: Report['machine'];
    results: Cell[];
    metrics: Record<string, unknown>;
    targets: Target[];
    details: Record<string, unknown>;
  };
  const { firstHighlightPhases, scale, ...metrics } = j.metrics;
  void firstHighlightPhases;
  return {
    browser: j.browser,
    date: j.date,
    machine: j.machine,
    results: j.results,
    metrics: metrics as Record<string, number | null>,
    firstHighlight: (j.details.firstHighlight ?? {}) as Report['firstHighlight'],
    scale: (scale ?? []) as ScaleRow[],
    details: j.details,
    targets: j.targets,
  };
}
