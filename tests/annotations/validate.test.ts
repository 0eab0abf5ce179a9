import { describe, expect, it } from 'vitest';
import { formatPackError, parsePack, validatePack } from '../../src/annotations/validate';
import { errorsOf, SEED_FILE, seed } from './helpers';

const FILE = 'packs/broken.json';

describe('validatePack', () => {
  it('accepts the seed pack', () => {
    const result = validatePack(seed(), SEED_FILE);
    if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
    expect(result.pack.article.id).toBe('2025-11-24-trump-xi-call');
  });

  it('reports malformed JSON with the file name and the root path', () => {
    const errors = errorsOf(parsePack('{ "schemaVersion": 1, ', FILE));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, path: '$' });
    expect(errors[0]?.message).toMatch(/not valid JSON/);
  });

  it('reports a missing field by its JSON path', () => {
    const pack = seed() as unknown as Record<string, Record<string, unknown>>;
    delete pack.article?.headline;
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({ file: FILE, path: '$.article.headline', message: 'is missing' }),
    );
  });

  it('reports a wrong type by its JSON path and what was expected', () => {
    const pack = seed() as unknown as {
      claims: Array<{ target: { position: { start: unknown } } }>;
    };
    const claim = pack.claims[3];
    if (claim) claim.target.position.start = '12';
    const errors = errorsOf(validatePack(pack, FILE));
    const error = errors.find((e) => e.path === '$.claims[3].target.position.start');
    expect(error?.message).toMatch(/wrong type/);
    expect(error?.expected).toMatch(/number/);
  });

  it('rejects unknown fields (typos) by path', () => {
    const pack = seed() as unknown as { entities: Array<Record<string, unknown>> };
    if (pack.entities[0]) pack.entities[0].descripton = 'typo';
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors.map((e) => e.path)).toContain('$.entities[0].descripton');
  });

  it('rejects a quote that is not in the text', () => {
    const pack = seed();
    const claim = pack.claims[3];
    if (claim) claim.target.quote.exact = 'the telephone call was “excellent”';
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.claims[3].target.quote.exact',
        message: expect.stringMatching(/does not occur in the article text/),
      }),
    );
  });

  it('rejects a prefix that disagrees with the text before the quote', () => {
    const pack = seed();
    const mention = pack.entities[0]?.mentions[2];
    if (mention) mention.target.quote.prefix = 'something else entirely';
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.entities[0].mentions[2].target.quote.prefix',
        message: expect.stringMatching(/disagrees with the text before/),
      }),
    );
  });

  it('rejects a suffix that disagrees with the text after the quote', () => {
    const pack = seed();
    const mention = pack.entities[0]?.mentions[2];
    if (mention) mention.target.quote.suffix = ' did not say';
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors.map((e) => e.path)).toContain('$.entities[0].mentions[2].target.quote.suffix');
  });

  it('rejects a position that does not point at the quote, and says where it is', () => {
    const pack = seed();
    const mention = pack.entities[0]?.mentions[2];
    if (!mention) throw new Error('seed pack changed');
    const { start, end } = mention.target.position;
    mention.target.position = { type: 'TextPositionSelector', start: start + 1, end: end + 1 };
    const errors = errorsOf(validatePack(pack, FILE));
    const error = errors.find((e) => e.path === '$.entities[0].mentions[2].target.position');
    expect(error?.message).toMatch(/points at/);
    expect(error?.expected).toBe(`start ${start}, end ${end}`);
  });

  it('rejects an impossible date (2025-02-30)', () => {
    const pack = seed();
    const event = pack.timeline[0];
    if (event) event.date = { ...event.date, value: '2025-02-30', precision: 'day' };
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.timeline[0].date.value',
        message: expect.stringMatching(/does not exist/),
      }),
    );
  });

  it('rejects a date whose shape disagrees with its precision', () => {
    const pack = seed();
    pack.article.published = { ...pack.article.published, date: '2025-11-25', precision: 'month' };
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.article.published.date',
        message: expect.stringMatching(/day precision/),
      }),
    );
  });

  it('rejects a dangling entity reference', () => {
    const pack = seed();
    const claim = pack.claims[0];
    if (claim) claim.speaker = { type: 'entity', entity: 'nobody' };
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.claims[0].speaker.entity',
        message: expect.stringMatching(/entity "nobody", which does not exist/),
      }),
    );
  });

  it('rejects duplicate ids, naming where the first one is', () => {
    const pack = seed();
    const [a, b] = pack.claims;
    if (a && b) b.id = a.id;
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: '$.claims[1].id',
        message: expect.stringMatching(/already used at \$\.claims\[0\]/),
      }),
    );
  });

  it('rejects two overlapping mentions of the same kind unless declared', () => {
    const pack = seed();
    // "Donald Trump" inside "US President Donald Trump": same entity kind (person).
    const trump = pack.entities.find((e) => e.id === 'trump');
    const first = trump?.mentions[0];
    if (!trump || !first) throw new Error('seed pack changed');
    const start = first.target.position.start + 'US President '.length;
    const end = first.target.position.end;
    const text = 'Donald Trump';
    trump.mentions.push({
      id: 'm-trump-nested',
      form: 'name',
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: text,
          prefix: 'US President ',
          suffix: first.target.quote.suffix,
        },
        position: { type: 'TextPositionSelector', start, end },
      },
    });
    const errors = errorsOf(validatePack(pack, FILE));
    const overlap = errors.find((e) => /overlaps m-trump-1/.test(e.message));
    expect(overlap?.path).toBe(`$.entities[0].mentions[${trump.mentions.length - 1}].target`);
    expect(overlap?.message).toMatch(/two person mentions may not overlap/);

    const last = trump.mentions[trump.mentions.length - 1];
    if (last) last.allowOverlap = ['m-trump-1'];
    expect(validatePack(pack, FILE).ok).toBe(true);
  });

  it('accepts overlapping mentions of different kinds ("US" inside "US President Donald Trump")', () => {
    const pack = seed();
    const us = pack.entities.find((e) => e.id === 'us');
    const trump = pack.entities.find((e) => e.id === 'trump');
    const a = us?.mentions[0]?.target.position;
    const b = trump?.mentions[0]?.target.position;
    expect(a && b && a.start >= b.start && a.end <= b.end).toBe(true);
    expect(validatePack(pack, FILE).ok).toBe(true);
  });

  it('rejects overlapping claims', () => {
    const pack = seed();
    const [a, b] = pack.claims;
    if (a && b) b.target = structuredClone(a.target);
    const errors = errorsOf(validatePack(pack, FILE));
    expect(
      errors.some(
        (e) => e.path === '$.claims[1].target' && /two claims may not overlap/.test(e.message),
      ),
    ).toBe(true);
  });

  it('rejects a topic that disagrees with its claims', () => {
    const pack = seed();
    pack.topics[0]?.claims.pop();
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors.some((e) => /which does not list claim/.test(e.message))).toBe(true);
  });
});

describe('validatePack rejects hostile strings', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['HTML', 'Donald <b>Trump</b>', /HTML markup/],
    ['a script tag', '<script>alert(1)</script>', /<script> tag/],
    ['a script tag with spaces', '< SCRIPT src=x>', /<script> tag/],
    ['an RTL override', 'Donald \u202ETrump', /bidirectional-text control character \(U\+202E\)/],
    ['an isolate', '\u2066Trump\u2069', /bidirectional-text control character \(U\+2066\)/],
    ['a zero-width space', 'Donald\u200BTrump', /zero-width character \(U\+200B\)/],
    ['a zero-width joiner', 'Trump\u200D', /zero-width character \(U\+200D\)/],
    ['a control character', 'Donald\u0007Trump', /control character \(U\+0007\)/],
    ['a line break in a name', 'Donald\nTrump', /control character \(U\+000A\)/],
    ['a very long string', 'x'.repeat(5000), /5000 characters long/],
  ];
  for (const [what, value, message] of cases) {
    it(`rejects ${what}, naming the path`, () => {
      const pack = seed();
      const trump = pack.entities[0];
      if (trump) trump.name = value;
      const errors = errorsOf(validatePack(pack, FILE));
      const error = errors.find((e) => e.path === '$.entities[0].name');
      expect(error?.message).toMatch(message);
      expect(formatPackError(error ?? { file: '', path: '', message: '' })).toContain(
        `${FILE}: $.entities[0].name:`,
      );
    });
  }

  it('rejects hostile characters inside the article text itself', () => {
    const pack = seed();
    const p = pack.article.text.paragraphs[2];
    if (p) p.text = `${p.text}\u202E`;
    const errors = errorsOf(validatePack(pack, FILE));
    expect(errors.map((e) => e.path)).toContain('$.article.text.paragraphs[2].text');
  });

  it('rejects an over-long paragraph', () => {
    const pack = seed();
    const p = pack.article.text.paragraphs[2];
    if (p) p.text = 'word '.repeat(2000);
    const errors = errorsOf(validatePack(pack, FILE));
    expect(
      errors.some(
        (e) => e.path === '$.article.text.paragraphs[2].text' && /characters long/.test(e.message),
      ),
    ).toBe(true);
  });
});
