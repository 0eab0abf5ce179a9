/**
 * The rules of a pack's sources section (validate-sources.ts): each rule is broken once on a copy
 * of the seed pack's real sources, and the pack check must fail with an error that says where and
 * what. The seed's own sources must pass, and so must the same words in other typography.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatYaml } from '../../src/annotations/authoring/yaml-file';
import { checkAllPacks } from '../../src/annotations/check';
import type { Pack, PackSources, Source } from '../../src/annotations/model';
import { formatPackError, type PackError, validatePack } from '../../src/annotations/validate';
import { containsQuote, normaliseQuote, quotedWords } from '../../src/annotations/validate-sources';
import { editFile, errorsOf, SEED_FILE, seed, seedFolderCopy, seedWithSources } from './helpers';

const FILE = 'packs/sources.json';

function sourcesOf(pack: Pack): PackSources {
  if (!pack.sources) throw new Error('the seed pack has no sources');
  return pack.sources;
}

function source(pack: Pack, id: string): Source {
  const found = sourcesOf(pack).sources.find((s) => s.id === id);
  if (!found) throw new Error(`no source ${id}`);
  return found;
}

/** The index of a source in the list, for JSON paths. */
const at = (pack: Pack, id: string) => sourcesOf(pack).sources.findIndex((s) => s.id === id);

function expectError(errors: PackError[], path: string, message: RegExp) {
  const match = errors.find((e) => e.path === path && message.test(e.message));
  if (!match)
    throw new Error(
      `expected an error at ${path} matching ${message}; got:\n${errors.map(formatPackError).join('\n')}`,
    );
}

describe('the seed pack’s sources', () => {
  it('pass every rule', () => {
    const result = validatePack(seedWithSources(), SEED_FILE);
    if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
    expect(result.pack.sources?.sources.length).toBeGreaterThanOrEqual(5);
  });

  it('cover every claim the article attributes to a post, statement, interview or readout', () => {
    const pack = seedWithSources();
    const covered = new Set([
      ...sourcesOf(pack).sources.flatMap((s) => s.uses.map((u) => u.claim)),
      ...sourcesOf(pack).notFound.flatMap((nf) => nf.claims),
    ]);
    const attributed = pack.claims.filter((c) => c.said).map((c) => c.id);
    expect(attributed.length).toBeGreaterThan(5);
    expect(attributed.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('a source', () => {
  it('without a citation fails', () => {
    const pack = seedWithSources();
    source(pack, 'src-trump-60-minutes').citations = [];
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-60-minutes')}].citations`,
      /source "src-trump-60-minutes" has no citation/,
    );
  });

  it.each([
    ['an http address', 'http://www.cbsnews.com/news/x'],
    ['a relative address', '/news/trump-taiwan'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a bare host name', 'www.cbsnews.com'],
  ])('with a citation that is %s fails', (_, url) => {
    const pack = seedWithSources();
    const s = source(pack, 'src-trump-60-minutes');
    const first = s.citations[0];
    if (first) first.url = url;
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-60-minutes')}].citations[0].url`,
      /is not an absolute https URL/,
    );
  });

  it('with a passage citation that is not https fails, at the passage', () => {
    const pack = seedWithSources();
    const passage = source(pack, 'src-lutnick-bloomberg-tv').passages[1];
    const first = passage?.citations[0];
    if (first) first.url = 'ftp://example.org/lutnick';
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-lutnick-bloomberg-tv')}].passages[1].citations[0].url`,
      /is not an absolute https URL/,
    );
  });

  it('whose fuller wording does not contain the article’s quoted words fails', () => {
    const pack = seedWithSources();
    const post = source(pack, 'src-trump-post');
    const p2 = post.passages.find((p) => p.id === 'p2');
    if (p2) p2.text = p2.text.replace('extremely strong!', 'very strong!');
    const errors = errorsOf(validatePack(pack, FILE));
    const i = post.uses.findIndex((u) => u.claim === 'c08');
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-post')}].uses[${i}].passage`,
      /does not contain the article's quoted words "Our relationship with China is extremely strong!" \(claim c08\)/,
    );
  });

  it('checks the words inside the article’s quotation marks, not its paraphrase around them', () => {
    const pack = seedWithSources();
    const interview = source(pack, 'src-trump-60-minutes');
    const p1 = interview.passages.find((p) => p.id === 'p1');
    if (p1) p1.text = 'You’ll find out if it happens, and he knows the answer to that.';
    const errors = errorsOf(validatePack(pack, FILE));
    const i = interview.uses.findIndex((u) => u.claim === 'c24');
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-60-minutes')}].uses[${i}].passage`,
      /quoted words "understands the answer to that" \(claim c24\)/,
    );
  });

  it('matches the quoted words whatever the quotes, apostrophes and case', () => {
    const pack = seedWithSources();
    const lutnick = source(pack, 'src-lutnick-bloomberg-tv');
    const p2 = lutnick.passages.find((p) => p.id === 'p2');
    if (p2)
      p2.text =
        'THAT KIND OF DECISION SITS RIGHT ON THE DESK OF DONALD TRUMP. He will decide whether we go forward with that or not.';
    const interview = source(pack, 'src-trump-60-minutes');
    const p1 = interview.passages.find((p) => p.id === 'p1');
    if (p1) p1.text = "You'll find out if it happens, and  he understands the answer to that.";
    const result = validatePack(pack, FILE);
    if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  });

  it('whose claim quotes its speaker but which names no passage fails', () => {
    const pack = seedWithSources();
    const post = source(pack, 'src-trump-post');
    const use = post.uses.find((u) => u.claim === 'c09');
    if (use) {
      delete use.passage;
      delete use.marked;
    }
    const errors = errorsOf(validatePack(pack, FILE));
    const i = post.uses.findIndex((u) => u.claim === 'c09');
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-post')}].uses[${i}].passage`,
      /claim "c09" quotes its speaker/,
    );
  });

  it('whose marked words are not in the passage fails', () => {
    const pack = seedWithSources();
    const readout = source(pack, 'src-china-mfa-readout');
    const use = readout.uses.find((u) => u.claim === 'c11');
    if (use) use.marked = 'Taiwan is part of China';
    const errors = errorsOf(validatePack(pack, FILE));
    const i = readout.uses.findIndex((u) => u.claim === 'c11');
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-china-mfa-readout')}].uses[${i}].marked`,
      /"Taiwan is part of China" is not in passage "p2"/,
    );
  });

  it('whose passage is reproduced by one outlet only fails', () => {
    const pack = seedWithSources();
    const interview = source(pack, 'src-trump-60-minutes');
    const p3 = interview.passages.find((p) => p.id === 'p3');
    if (p3) p3.citations = p3.citations.slice(0, 1);
    const errors = errorsOf(validatePack(pack, FILE));
    const j = interview.passages.findIndex((p) => p.id === 'p3');
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-60-minutes')}].passages[${j}].citations`,
      /passage "p3" is reproduced by 1 outlet\(s\)/,
    );
  });

  it('that names a passage it does not have fails', () => {
    const pack = seedWithSources();
    const interview = source(pack, 'src-trump-60-minutes');
    const use = interview.uses[0];
    if (use) use.passage = 'p9';
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-60-minutes')}].uses[0].passage`,
      /refers to passage "p9", which this source does not have/,
    );
  });
});

describe('claim ids', () => {
  it('a use of a claim that does not exist fails', () => {
    const pack = seedWithSources();
    const post = source(pack, 'src-trump-post');
    const use = post.uses[0];
    if (use) use.claim = 'c99';
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.sources[${at(pack, 'src-trump-post')}].uses[0].claim`,
      /refers to claim "c99", which does not exist/,
    );
  });

  it('a not-found entry listing a claim that does not exist fails', () => {
    const pack = seedWithSources();
    const nf = sourcesOf(pack).notFound[0];
    if (nf) nf.claims.push('c77');
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      `$.sources.notFound[0].claims[${(nf?.claims.length ?? 1) - 1}]`,
      /refers to claim "c77", which does not exist/,
    );
  });

  it('a claim said elsewhere that no source and no not-found entry covers fails', () => {
    const pack = seedWithSources();
    const sources = sourcesOf(pack);
    sources.notFound = [];
    const errors = errorsOf(validatePack(pack, FILE));
    const i = pack.claims.findIndex((c) => c.id === 'c36');
    expectError(
      errors,
      `$.claims[${i}]`,
      /claim "c36" is attributed to something said elsewhere but no source rests it/,
    );
  });
});

describe('comparisons and not-found entries', () => {
  it('an account naming a source that does not exist fails', () => {
    const pack = seedWithSources();
    const account = sourcesOf(pack).comparisons[0]?.accounts[0];
    if (account) account.source = 'src-missing';
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(
      errors,
      '$.sources.comparisons[0].accounts[0].source',
      /refers to source "src-missing", which does not exist/,
    );
  });

  it('a comparison with one account fails', () => {
    const pack = seedWithSources();
    const cmp = sourcesOf(pack).comparisons[0];
    if (cmp) cmp.accounts = cmp.accounts.slice(0, 1);
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(errors, '$.sources.comparisons[0].accounts', /fewer than two accounts/);
  });

  it('a not-found entry without the searches made fails', () => {
    const pack = seedWithSources();
    const nf = sourcesOf(pack).notFound[0];
    if (nf) nf.searched = [];
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(errors, '$.sources.notFound[0].searched', /expected the searches made/);
  });

  it('ids shared between sources, not-found entries and comparisons fail', () => {
    const pack = seedWithSources();
    const nf = sourcesOf(pack).notFound[0];
    if (nf) nf.id = 'src-trump-post';
    const errors = errorsOf(validatePack(pack, FILE));
    expectError(errors, '$.sources.notFound[0].id', /"src-trump-post" is already used/);
  });
});

describe('quotedWords and normaliseQuote', () => {
  it('takes the words in quotation marks, or the whole target of a bare direct quote', () => {
    const claims = seed().claims;
    const byId = (id: string) => {
      const c = claims.find((x) => x.id === id);
      if (!c) throw new Error(id);
      return c;
    };
    expect(quotedWords(byId('c01'))).toEqual(['very good']);
    expect(quotedWords(byId('c33'))).toEqual(['lots of different advisers']);
    expect(quotedWords(byId('c08'))).toEqual(['Our relationship with China is extremely strong!']);
    expect(quotedWords(byId('c11'))).toEqual([]);
  });

  it('folds quotes, apostrophes, ellipses, spacing and case', () => {
    expect(normaliseQuote('“You’ll  find…”')).toBe(`"you'll find..."`);
    expect(containsQuote('He said: “They’re in the process”.', "THEY'RE in the process")).toBe(
      true,
    );
    expect(containsQuote('soybean purchase', 'soya bean purchase')).toBe(false);
  });
});

describe('the pack check (npm run annotations:check)', () => {
  it('validates sources.yaml with its pack and names the file and the line', () => {
    const { packsDir, folder } = seedFolderCopy();
    editFile(folder, 'sources.yaml', (t) => {
      const doc = parseDocument(t);
      doc.setIn(['sources', 0, 'citations'], doc.createNode([]));
      return formatYaml(doc);
    });
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/2025-11-24-trump-xi-call\/sources\.yaml:\d+: .*has no citation/);
  });

  it('reports a sources.yaml that is not YAML', () => {
    const { packsDir, folder } = seedFolderCopy();
    editFile(folder, 'sources.yaml', (t) => t.replace('sources:\n', 'sources: [\n'));
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/sources\.yaml:\d+: \$: is not valid YAML/);
  });

  it('passes the seed’s real pack and sources', () => {
    const report = checkAllPacks();
    expect(report.ok, report.text).toBe(true);
  });
});
