/** The fixture pages' own index (tests/fixtures/pages/manifest.json), typed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PAGES_DIR } from './fixture-server';

export interface FixturePage {
  path: string;
  host: string;
  url: string;
  file: string;
  situation: string;
  expect: 'article' | 'partial' | 'none' | 'on-request';
  articleSelector?: string;
  description: string;
}

export const FIXTURE_PAGES: FixturePage[] = JSON.parse(
  readFileSync(resolve(PAGES_DIR, 'manifest.json'), 'utf8'),
);

export function fixture(situation: string): FixturePage {
  const page = FIXTURE_PAGES.find((p) => p.situation === situation);
  if (!page) throw new Error(`No fixture page for situation "${situation}"`);
  return page;
}
