import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../bench/lib/hypothesis-match';
import {
  type Cell,
  FIRST_HIGHLIGHT_PHASES,
  formatTable,
  fromJson,
  iterationsFor,
  markdownTable,
  median,
  medianPhases,
  type PhaseTimes,
  predictMs,
  type Report,
  renderChart,
  renderScaleChart,
  resultsMarkdown,
  SCALE_FIELDS,
  type ScaleRow,
  tableRows,
  toJson,
} from '../../bench/lib/report';

const cell = (over: Partial<Cell>): Cell => ({
  page: 'canonical',
  pack: '1x',
  library: 'gloss',
  medianMs: 1,
  anchored: 10,
  wrong: 0,
  selectors: 10,
  iterations: 5,
  status: 'ok',
  pageChars: 7000,
  ...over,
});

const noPhases = Object.fromEntries(FIRST_HIGHLIGHT_PHASES.map((p) => [p, null])) as PhaseTimes;

const cells: Cell[] = [
  cell({}),
  cell({ library: 'apache-annotator', medianMs: 20, anchored: 6 }),
  cell({ library: 'hypothesis-style', medianMs: 8, wrong: 1 }),
  cell({ library: 'dom-anchor-text-quote', medianMs: 9 }),
  cell({ library: 'floor-read', medianMs: 0.2, anchored: null, wrong: null }),
  cell({ library: 'floor-indexof', medianMs: 0.3, anchored: null, wrong: null }),
  cell({ page: 'text-2m', pageChars: 2_000_000, medianMs: 30 }),
  cell({
    page: 'text-2m',
    pageChars: 2_000_000,
    library: 'apache-annotator',
    medianMs: null,
    anchored: null,
    wrong: null,
    status: 'timeout',
  }),
];

describe('statistics', () => {
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('iterations: ~0.4 s of work, bounded', () => {
    expect(iterationsFor(0.5)).toBe(400);
    expect(iterationsFor(10)).toBe(40);
    expect(iterationsFor(2000)).toBe(2);
    expect(iterationsFor(5000)).toBe(1);
    expect(iterationsFor(300)).toBeGreaterThanOrEqual(2);
    expect(iterationsFor(300)).toBeLessThanOrEqual(5);
  });

  it('predicts linearly from the nearest smaller cells of the same library', () => {
    const done = [
      cell({ library: 'apache-annotator', medianMs: 100, selectors: 10, pageChars: 1000 }),
      cell({ library: 'apache-annotator', medianMs: 5000, selectors: 10, pageChars: 500 }),
      cell({ library: 'apache-annotator', medianMs: 300, selectors: 10, pageChars: 2000 }),
    ];
    expect(predictMs(done, 'apache-annotator', 100, 1000)).toBe(1000);
    expect(predictMs(done, 'apache-annotator', 10, 4000)).toBe(600);
    expect(predictMs(done, 'apache-annotator', 100, 4000)).toBeNull();
    expect(predictMs(done, 'gloss', 100, 1000)).toBeNull();
  });
});

describe('tables', () => {
  it('one row per page and pack, every library, timeouts spelled out', () => {
    const rows = tableRows(cells);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[0]).toBe('page');
    expect(rows[1]?.slice(0, 3)).toEqual(['canonical', '1x', '7000']);
    expect(rows[1]).toContain('10/10 (1 wrong)');
    expect(rows[2]).toContain('timeout');
    const text = formatTable(rows);
    expect(text.split('\n')).toHaveLength(4);
    expect(markdownTable(rows).split('\n')[1]).toMatch(/^\|( ---:? \|)+$/);
  });

  it('both floors get a time column and no correctness column', () => {
    const [head, canonical] = tableRows(cells);
    expect(head).toContain('floor-read ms');
    expect(head).toContain('floor-indexof ms');
    expect(head?.some((h) => h.startsWith('floor') && h.endsWith('anchored'))).toBe(false);
    expect(canonical?.[head?.indexOf('floor-read ms') ?? -1]).toBe('0.200');
    expect(canonical?.[head?.indexOf('floor-indexof ms') ?? -1]).toBe('0.300');
  });

  const report: Report = {
    browser: 'Chromium 1',
    date: '2025-01-01T00:00:00.000Z',
    machine: { cpu: 'cpu', cores: 2, memoryGb: 8, os: 'Linux', node: 'v20' },
    results: cells,
    metrics: { detectNonArticleMs: 0.05, toggleMs: null, canonicalColdMs: 7.5 },
    firstHighlight: {},
    scale: [],
    details: {},
    targets: [{ name: 't', goal: '<= 1', measured: '0.5', pass: true }],
  };

  it('JSON has the required shape, null medians for timeouts', () => {
    const j = JSON.parse(toJson(report));
    expect(j.browser).toBe('Chromium 1');
    expect(j.results).toHaveLength(cells.length);
    for (const r of j.results) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['page', 'pack', 'library', 'medianMs', 'anchored', 'wrong']),
      );
    }
    expect(j.results.find((r: Cell) => r.status === 'timeout').medianMs).toBeNull();
    expect(j.metrics.detectNonArticleMs).toBe(0.05);
    expect(j.metrics.canonicalColdMs).toBe(7.5);
    for (const library of ['floor-read', 'floor-indexof']) {
      expect(j.results.filter((r: Cell) => r.library === library)).toHaveLength(1);
    }
    // Not measured is said as such, in the keys the issue names.
    expect(j.metrics.firstHighlightPhases).toBeNull();
    expect(j.metrics.scale).toEqual([]);
  });

  it('JSON: the first-highlight phases and the scale rows sit under metrics', () => {
    const phases = medianPhases([
      { ...noPhases, gate: 0.4, message: 3, anchoring: 6 },
      { ...noPhases, gate: 0.6, message: 5, anchoring: 8, paint: 2 },
      { ...noPhases, gate: 0.5, message: 4, anchoring: 7 },
    ]);
    expect(phases.gate).toBe(0.5);
    expect(phases.message).toBe(4);
    expect(phases.paint).toBe(2);
    expect(phases.detection).toBeNull();
    const row: ScaleRow = {
      packs: 10_000,
      gateGzipBytes: 4000,
      detectNonArticleMs: 0.1,
      recognitionMs: 12,
      backgroundMemoryBytes: 5e6,
      packageBytes: 2e6,
      buildMs: 900,
    };
    const j = JSON.parse(
      toJson({
        ...report,
        firstHighlight: {
          chromium: { browser: 'Chromium 1', afterDclMs: 30, phases },
          firefox: { browser: 'Firefox 1', afterDclMs: 40, phases: null },
        },
        scale: [row],
        metrics: { x: 1 },
      }),
    );
    expect(Object.keys(j.metrics.firstHighlightPhases)).toEqual([...FIRST_HIGHLIGHT_PHASES]);
    expect(j.metrics.scale).toEqual([row]);
    expect(Object.keys(j.metrics.scale[0]).sort()).toEqual(['packs', ...SCALE_FIELDS].sort());
    expect(j.metrics.x).toBe(1);
  });

  it('the JSON reads back into the report it was written from', () => {
    const full: Report = {
      ...report,
      firstHighlight: { chromium: { browser: 'Chromium 1', afterDclMs: 30, phases: noPhases } },
      details: {
        firstHighlight: { chromium: { browser: 'Chromium 1', afterDclMs: 30, phases: noPhases } },
      },
    };
    const back = fromJson(toJson(full));
    expect(back.metrics).toEqual(full.metrics);
    expect(back.firstHighlight).toEqual(full.firstHighlight);
    expect(back.scale).toEqual([]);
    expect(back.results).toHaveLength(full.results.length);
    expect(resultsMarkdown(back, 'n')).toBe(resultsMarkdown(full, 'n'));
  });

  it('markdown: a scale table and the time-to-highlights breakdown beside its chart', () => {
    const rows: ScaleRow[] = [1, 1000, 10_000].map((packs) => ({
      packs,
      gateGzipBytes: 5000,
      detectNonArticleMs: 0.2,
      recognitionMs: packs / 1000,
      backgroundMemoryBytes: packs * 300,
      packageBytes: packs * 8000,
      buildMs: packs / 10,
    }));
    const phases: PhaseTimes = {
      ...noPhases,
      beforeGate: 100,
      gate: 1,
      engineInjection: 20,
      anchoring: 8,
      paint: 5,
    };
    const withScale: Report = {
      ...report,
      scale: rows,
      firstHighlight: { chromium: { browser: 'Chromium 1', afterDclMs: 134, phases } },
    };
    const md = resultsMarkdown(withScale, '');
    expect(md).toContain('| 10,000 | 4.9 KB | 0.200 ms | 10.0 ms | 2.9 MB | 76.3 MB | 1000 ms |');
    expect(md).toContain('scale.svg');
    expect(md).toContain('| beforeGate | 100 |');
    expect(md).toContain('| message | - |');
    expect(md).toContain('**134**');
    // Without --scale the section says so rather than showing an empty table.
    expect(resultsMarkdown(report, '')).toContain('Not measured in this run');
    // The parts of recognition and of the build, from the scale part's details.
    const parts = {
      packs: 10_000,
      gateReadMs: 4,
      indexLoadMs: 200,
      lookupMs: 80,
      lookupHeadlineMs: 70,
      lookupLeadMs: 5,
      engineDetectMs: 20,
      indexFileBytes: 2 ** 20,
      validateMs: 1,
      indexBuildMs: 2,
      packScriptsMs: 3,
      writeMs: 4,
      recognisedBy: 'text',
    };
    expect(resultsMarkdown({ ...withScale, details: { scale: [parts] } }, '')).toContain(
      '| 10,000 | 4.00 ms | 200 ms | 80.0 ms (70.0 / 5.00) | 20.0 ms | text | 1.0 MB |',
    );
    const svg = renderScaleChart(rows, withScale.firstHighlight);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const title of ['gate (gzip)', 'recognition', 'background memory', 'package'])
      expect(svg).toContain(title);
    // One bar segment per measured phase, each titled with its time.
    expect(svg.match(/<rect [^>]*><title>[a-zA-Z]+: /g)).toHaveLength(5);
    expect(svg).toContain('<title>anchoring: 8.00 ms</title>');
    expect(renderScaleChart([], {})).toContain('not measured');
  });

  it("markdown: issue #12's budgets, wall and CPU time side by side", () => {
    const metrics = {
      changingPageGateMs: 90,
      changingPageGateLongestTaskMs: 40,
      changingPageGateCpuMs: 70,
      changingPageGateCpuLongestTaskMs: 15,
      livePageDetectMs: 600,
      livePageLongestSliceMs: 100,
      livePageDetectCpuMs: 200,
      livePageCpuLongestSliceMs: 20,
      lateParagraphOneStageMs: 300,
      lateParagraphStreamedMs: null,
    };
    const md = resultsMarkdown({ ...report, metrics }, '');
    expect(md).toContain(
      '| changing section front, 30 s, never the article: the gate | <= 5 ms in total, no task > 5 ms | 90.0 | 40.0 | 70.0 | 15.0 |',
    );
    expect(md).toContain(
      'one stage 300 ms, streamed - ms, two stages at an address no pack names - ms',
    );
    expect(resultsMarkdown(report, '')).toContain('`--only budgets`');
  });

  it('markdown and SVG', () => {
    const md = resultsMarkdown(report, 'notes here');
    expect(md).toContain('| t | <= 1 | 0.5 | pass |');
    expect(md).toContain('chart.svg');
    expect(md).toContain('notes here');
    const svg = renderChart(cells);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('gloss');
    expect(svg).toContain('<path');
    expect(svg).toContain('timeout');
  });
});

describe('hypothesis-style matcher', () => {
  const text = 'alpha beta gamma. The cat sat on the mat. Later the cat sat on the hat.';
  it('uses context to pick the right occurrence', () => {
    const second = text.lastIndexOf('the cat sat');
    const m = matchQuote(text, 'cat sat', { prefix: 'Later the ', suffix: ' on the hat' });
    expect(m?.start).toBe(second + 4);
    expect(m?.score).toBe(1);
  });
  it('finds approximate matches and gives up on unrelated quotes', () => {
    expect(matchQuote(text, 'The cat sit on the mat')?.start).toBe(text.indexOf('The cat'));
    expect(matchQuote(text, 'zzzzzzzzzzzzzz')).toBeNull();
    expect(matchQuote(text, '')).toBeNull();
  });
});
