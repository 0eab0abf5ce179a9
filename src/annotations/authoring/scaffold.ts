/**
 * `npm run pack:new -- <article-id>`: a new article folder whose files show the format and
 * already compile. Everything in it is a placeholder marked `draft:`, so `npm run
 * annotations:check` fails until a person has filled it in.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_FILES } from './folder';

const ID_PATTERN = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** A template for every required file (optional ones, like sources.yaml, are added when needed). */
const TEMPLATES: Partial<Record<keyof typeof PACK_FILES, string>> = {
  article: `# The article: headline, publication and the sites that carry it. Its text is in text.md;
# the folder name is its id. Replace every placeholder, then delete the draft line.

draft: scaffolded by npm run pack:new
headline: the headline, as published
language: en
published:
  date: "2026-01"
  note: how the date is known (stated on the page, or inferred from what)
publisher: the publication the text is taken from
canonicalUrl: https://www.example.com/the-article
sites:
  - host: www.example.com
    name: the site's name
    matches: [https://www.example.com/*]
    urls:
      - https://www.example.com/the-article
    style: uk
`,
  text: `> the standfirst (the lead under the headline), one line; delete this block if there is none

the first paragraph of the article, exactly as published, on one line
`,
  entities: `# Entities and their mentions, each mention located by its quote (see ../README.md):
#   { id, form, quote, para?, nth?, within? }  one occurrence, with an id that never changes;
#   { all: <quote>, form }                     every occurrence, ids derived from entity and quote.

[]
`,
  claims: `# Claims: who says what, on whose authority. \`target\` is the claim and \`cue\` the attribution
# phrase, both located by quote. Ids never change: a new claim takes a new id.

[]
`,
  timeline: `# Dated events. \`target\` is the words that date the event; \`claims\` are the ids of the claims
# that report it.

[]
`,
  topics: `# Threads through the article. A topic’s claims are the claims that list it.

[]
`,
  exclusions: `# Deliberate non-annotations: words the coverage check would flag, and why they are left out.

[]
`,
};

export function scaffoldPackFolder(
  packsDir: string,
  id: string,
): { ok: true; dir: string } | { ok: false; problem: string } {
  if (!ID_PATTERN.test(id)) {
    return {
      ok: false,
      problem: `"${id}" is not an article id: expected the publication date and a few words, e.g. 2026-01-05-trump-xi-call`,
    };
  }
  const dir = join(packsDir, id);
  if (existsSync(dir)) return { ok: false, problem: `${dir} exists already` };
  mkdirSync(dir, { recursive: true });
  for (const [role, file] of Object.entries(PACK_FILES)) {
    const template = TEMPLATES[role as keyof typeof PACK_FILES];
    if (template !== undefined) writeFileSync(join(dir, file.name), template);
  }
  return { ok: true, dir };
}
