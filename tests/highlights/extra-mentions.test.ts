/**
 * Names of the pack's entities in text the pack lacks: on the fixture pages as the engine reads
 * them (the region recognise() finds, the TextIndex anchoring uses), and on small cases for the
 * rules (whole words, shared names, never after the article's end, never twice).
 */
import { describe, expect, test } from 'vitest';
import { anchor, TextIndex } from '../../src/anchoring';
import { canonicalText } from '../../src/annotations/text';
import { isShown, recognise } from '../../src/content/article-root';
import { placeableParagraphs } from '../../src/detection/judge';
import { packText } from '../../src/detection/pack-text';
import { fingerprintArticle } from '../../src/detection/paragraphs';
import {
  entityNames,
  findExtraMentions,
  type TextBlock,
  textBlocks,
} from '../../src/highlights/extra-mentions';
import { planHighlights, selectorOf } from '../../src/highlights/plan';
import {
  PACK,
  pairwiseVariants,
  type Variant,
  variantName,
  variantPage,
} from '../detection/variants';
import { fixtureDocument } from '../helpers/fixture-dom';

const names = entityNames(PACK);
const ofPack = packText(PACK, fingerprintArticle(PACK.article.text.paragraphs));

const fingerprint = fingerprintArticle(PACK.article.text.paragraphs);
const paragraphIds = PACK.article.text.paragraphs.map((p) => p.id);

/**
 * The engine's steps on a page: the region recognise() finds, the annotations of the paragraphs
 * the copy reaches anchored in the text the reader sees, then the names in text the pack lacks,
 * each with the block it stands in.
 */
function extrasIn(doc: Document, how: { named?: boolean; requested?: boolean } = {}) {
  const found = recognise(doc.body, fingerprint, {
    named: how.named ?? false,
    requested: how.requested ?? false,
  });
  if (!found) return null;
  const readable = found.hidesText ? { skip: (el: Element) => !isShown(el) } : {};
  const index = TextIndex.build(found.region, readable);
  const placeable = placeableParagraphs(paragraphIds, found.judgement);
  const results = anchor(
    found.region,
    planHighlights(PACK)
      .filter((p) => placeable.has(paragraphIds[p.paragraph] ?? ''))
      .map(selectorOf),
    { sourceLength: canonicalText(PACK.article).length, index: readable },
  );
  const taken = results.flatMap((r) =>
    r.start !== null && r.end !== null ? [{ start: r.start, end: r.end }] : [],
  );
  const text = index.text;
  const breaks = index.breakOffsets();
  const extras = findExtraMentions(
    text,
    breaks,
    (b) => ofPack.has(text.slice(b.start, b.end)),
    names,
    taken,
  );
  const blocks = textBlocks(text.length, breaks);
  const blockOf = (at: number) => {
    const b = blocks.find((x) => x.start <= at && at < x.end);
    return b ? text.slice(b.start, b.end) : '';
  };
  return extras.map((m) => ({ entity: m.entityId, name: m.name, block: blockOf(m.start) }));
}

function extrasOn(situation: string, requested = false) {
  const extras = extrasIn(fixtureDocument(situation).doc, { requested });
  if (!extras) throw new Error(`${situation}: not recognised`);
  return extras;
}

describe('the names the pack writes', () => {
  test('are its mentions by name, title and name, or honorific, longest first', () => {
    const written = names.map((n) => n.name);
    expect(written).toContain('US President Donald Trump');
    expect(written).toContain('Mr Xi');
    expect(written).toContain('Xi Jinping'); // The entity's name, which no mention writes alone.
    expect(written.indexOf('US President Donald Trump')).toBeLessThan(written.indexOf('Mr Trump'));
    // References and pronoun-like forms are not names ("the statement", "The US leader").
    expect(written.some((n) => /^the\b/i.test(n))).toBe(false);
  });

  test('a name two entities share is nobody’s', () => {
    const shared = { ...PACK, entities: PACK.entities.map((e) => ({ ...e })) };
    const [a, b] = shared.entities;
    if (!a || !b) throw new Error('pack too small');
    const mention = a.mentions.find((m) => m.form === 'name');
    if (!mention) throw new Error('no name');
    b.mentions = [...b.mentions, { ...mention, id: 'm-copy' }];
    const written = entityNames(shared).filter((n) => n.name === mention.target.quote.exact);
    expect(written).toEqual([]);
  });
});

describe('on pages', () => {
  test('the canonical page: its only name outside the pack’s text is a photo credit, a label: nothing extra', () => {
    expect(extrasOn('canonical')).toEqual([]);
  });

  test('the syndicated copy: names in its own headline, the editor’s note the site added and a reworded paragraph, as their entities', () => {
    const extras = extrasOn('syndicated-cut', true);
    expect(extras.map((e) => `${e.entity}:${e.name}`)).toEqual([
      'trump:Trump', // Its own headline: "Trump Says Xi Call Was 'Very Good,' … Fentanyl"
      'fentanyl:Fentanyl', // (the entity's name, as the pack gives it)
      'trump:Donald Trump', // The editor's note.
      'xi:Xi Jinping',
      'south-korea:South Korea',
      'trump:Trump', // "Trump also said he had agreed to travel to Beijing …" (reworded).
      'beijing:Beijing',
    ]);
    for (const e of extras) {
      // Each is in a block that is not the pack's text, and is a name the pack writes for it.
      expect(ofPack.has(e.block)).toBe(false);
      expect(names.find((n) => n.name === e.name)?.entityId).toBe(e.entity);
    }
  });

  test('a 400 KB live page: nothing, though every other entry names Mr Trump or Mr Xi (they are outside the article’s region)', () => {
    const { doc } = fixtureDocument('live-updates-400k');
    expect(doc.body.textContent?.match(/Mr (Trump|Xi)\b/g)?.length).toBeGreaterThan(100);
    expect(extrasOn('live-updates-400k')).toEqual([]);
  });
});

describe('on copies generated along the matrix’s axes (address, cut, shape, wording, what is shown)', () => {
  /** The names the copy's own headline and its reworded paragraphs may hold; nothing else. */
  const allowed: Record<Variant['text'], string[]> = {
    unchanged: [],
    house: ['Trump', 'Fentanyl'], // The copy's own headline.
    reworded: ['Trump', 'Fentanyl', 'Beijing'], // Its headline, and "Trump also said … Beijing".
  };
  test.each(pairwiseVariants().map((v) => [variantName(v), v] as const))('%s', (_, v) => {
    const { html } = variantPage(v);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const named = v.address === 'known' || v.address === 'amp';
    const extras = extrasIn(doc, { named });
    if (!extras) {
      // Only a headline-and-standfirst teaser at an address that does not name it is refused.
      expect([v.cut, named]).toEqual(['teaser', false]);
      return;
    }
    for (const e of extras) {
      expect(allowed[v.text], `${e.name} in “${e.block}”`).toContain(e.name);
      expect(ofPack.has(e.block)).toBe(false);
    }
    // The page's own headline names Trump wherever the copy has one and it is in the region.
    if (v.text !== 'unchanged' && v.visibility !== 'hidden-copy')
      expect(extras.map((e) => e.name)).toContain('Trump');
  });
});

describe('the rules', () => {
  const xi = names.find((n) => n.name === 'Mr Xi');
  if (!xi) throw new Error('the pack writes "Mr Xi"');
  const parts = [
    'Mr Xi spoke on the phone.',
    'Mr Xiao spoke to reporters today.',
    'PHOTO: Mr Xi',
    'The pack’s own text is here.',
    'After the end Mr Xi spoke again.',
  ];
  const text = parts.join(' ');
  const breaks = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(' ').length);
  const packBlock = { start: text.indexOf('The pack'), end: text.indexOf('The pack') + 10 };
  const isPack = (b: TextBlock) => text.slice(b.start, b.end).startsWith('The pack');

  test('whole words, in prose (not a label), only before the article’s last block of its own text', () => {
    const found = findExtraMentions(text, breaks, isPack, [xi]);
    expect(found.map((m) => text.slice(m.start, m.end + 6))).toEqual(['Mr Xi spoke']);
    expect(found[0]?.start).toBe(0);
  });

  test('a name the pack already highlights there is not painted twice', () => {
    // The pack's highlights: over the first Mr Xi, and in its own text.
    const taken = [{ start: 0, end: 12 }, packBlock];
    expect(findExtraMentions(text, breaks, isPack, [xi], taken)).toEqual([]);
    expect(findExtraMentions(text, breaks, isPack, [xi], [packBlock])).toHaveLength(1);
  });

  test('nothing after the last words the pack highlights is read', () => {
    const read: string[] = [];
    const spy = (b: TextBlock) => {
      read.push(text.slice(b.start, b.end));
      return isPack(b);
    };
    findExtraMentions(text, breaks, spy, [xi], [packBlock]);
    expect(read.some((r) => r.startsWith('After the end'))).toBe(false);
    expect(read).toContain('The pack’s own text is here.');
  });

  test('blocks split at the index’s boundary spaces', () => {
    expect(textBlocks(10, [3, 6])).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 6 },
      { start: 7, end: 10 },
    ]);
  });
});
