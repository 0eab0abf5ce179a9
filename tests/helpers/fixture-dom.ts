/** Fixture pages parsed into a DOM (happy-dom), for unit tests of code that reads pages. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURE_PAGES } from '../../tools/browsers/fixtures';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

/** The fixture page for a situation, parsed, scripts not run. */
export function fixtureDocument(situation: string): { doc: Document; url: string } {
  const page = FIXTURE_PAGES.find((p) => p.situation === situation);
  if (!page) throw new Error(`no fixture page for ${situation}`);
  const html = readFileSync(resolve(PAGES, page.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: page.url };
}
