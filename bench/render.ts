/**
 * `npx tsx bench/render.ts FILE [NOTES.md]`: renders bench/RESULTS.md, bench/chart.svg and
 * bench/scale.svg again from a run's JSON (`npm run bench -- --json FILE`), keeping the notes
 * the run wrote, with NOTES.md (a reading of that run) appended.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib/bundle';
import { fromJson, renderChart, renderScaleChart, resultsMarkdown } from './lib/report';

const [file, extra] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/render.ts RESULTS.json [NOTES.md]');
const report = fromJson(readFileSync(file, 'utf8'));
const results = resolve(ROOT, 'bench/RESULTS.md');
const previous = existsSync(results) ? readFileSync(results, 'utf8') : '';
const at = previous.indexOf("## Where Gloss's time goes");
const runNotes = at >= 0 ? previous.slice(at).split('\n## Reading of this run')[0]?.trimEnd() : '';
const reading = extra ? `\n\n${readFileSync(extra, 'utf8').trim()}\n` : '\n';
writeFileSync(results, resultsMarkdown(report, `${runNotes}${reading}`));
writeFileSync(resolve(ROOT, 'bench/chart.svg'), renderChart(report.results, '1x'));
writeFileSync(
  resolve(ROOT, 'bench/scale.svg'),
  renderScaleChart(report.scale, report.firstHighlight),
);
console.log(`wrote bench/RESULTS.md, chart.svg, scale.svg from ${file}`);
