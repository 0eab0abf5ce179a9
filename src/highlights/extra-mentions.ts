/**
 * Mentions of the pack's entities in text the pack does not have: the page's own headline, an
 * editor's note or a fact box a syndicating site added. Found only as the pack writes the names
 * (its mentions by name, title and name, or honorific: "Mr Xi", "US President Donald Trump"; and
 * the entity's own name, "Xi Jinping", for an entity it mentions by name),
 * whole words, case as written; a name two entities share is left alone. No claim is ever
 * invented here: only entities.
 *
 * Pure: the page's text, where its blocks end, and which blocks are the article's own text come
 * in; text offsets go out. Which blocks are the pack's text is the caller's judgement
 * (content/engine.ts compares each block's word shingles with the pack's).
 */
import type { MentionForm, Pack } from '../annotations/model';
import { type EntityCategory, entityCategory } from './categories';

/** How a mention is written that makes it a name a reader would recognise anywhere. */
const NAME_FORMS: ReadonlySet<MentionForm> = new Set(['name', 'title-and-name', 'honorific']);
/** Shorter names ("US", "EU") are too easily part of something else in added text. */
const MIN_NAME_LENGTH = 3;
/**
 * A block of fewer words is a label (a photo credit, a kicker, a byline), not prose a reader
 * reads for what it says about someone: its names are left alone.
 */
const MIN_BLOCK_WORDS = 4;
const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export interface EntityName {
  entityId: string;
  category: EntityCategory;
  name: string;
}

/** The names the pack writes for its entities, longest first; shared names dropped. */
export function entityNames(pack: Pack): EntityName[] {
  const owners = new Map<string, Set<string>>();
  const byEntity = new Map<string, EntityName>();
  for (const entity of pack.entities) {
    const written = entity.mentions
      .filter((m) => NAME_FORMS.has(m.form))
      .map((m) => m.target.quote.exact.trim());
    // The entity's own name too, as the pack gives it ("Xi Jinping"), if the pack names it at all.
    if (written.length > 0) written.push(entity.name.trim());
    for (const name of written) {
      if (name.length < MIN_NAME_LENGTH || !/^\p{Lu}/u.test(name)) continue;
      const set = owners.get(name) ?? new Set<string>();
      set.add(entity.id);
      owners.set(name, set);
      byEntity.set(`${entity.id}\u0000${name}`, {
        entityId: entity.id,
        category: entityCategory(entity.kind),
        name,
      });
    }
  }
  return [...byEntity.values()]
    .filter((n) => owners.get(n.name)?.size === 1)
    .sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
}

export interface ExtraMention extends EntityName {
  start: number;
  end: number;
}

/** One text block: [start, end) of the page's text. */
export interface TextBlock {
  start: number;
  end: number;
}

/**
 * Split [0, length) at the block-boundary offsets (each is a separating space), up to the block
 * that holds `until` (the rest of a long page is not cut into blocks nobody reads).
 */
export function textBlocks(length: number, breaks: ArrayLike<number>, until = length): TextBlock[] {
  const out: TextBlock[] = [];
  let start = 0;
  for (let i = 0; i < breaks.length && start <= until; i++) {
    const at = breaks[i] as number;
    if (at > start) out.push({ start, end: at });
    start = at + 1;
  }
  if (length > start && start <= until) out.push({ start, end: length });
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for all the names at once (longest first, whole words only); one per list. */
const patterns = new WeakMap<readonly EntityName[], RegExp>();
export function namePattern(names: readonly EntityName[]): RegExp | null {
  if (names.length === 0) return null;
  let pattern = patterns.get(names);
  if (!pattern) {
    const alternatives = names.map((n) => escapeRegExp(n.name)).join('|');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
    patterns.set(names, pattern);
  }
  return pattern;
}

/**
 * The names in prose blocks that are not the pack's text, up to the last block that is: before the
 * article and between its paragraphs (a headline, an added note or fact box), never after its
 * end (comments, related stories, another article's commentary). `taken` are spans already
 * highlighted by the pack: a name inside them is not painted twice, and nothing after the last
 * of them is read (on a page of 100 000 paragraphs this runs after every refresh). `breaks`:
 * the block-boundary offsets of `text` (TextIndex.breakOffsets()).
 */
export function findExtraMentions(
  text: string,
  breaks: ArrayLike<number>,
  isPackText: (block: TextBlock) => boolean,
  names: readonly EntityName[],
  taken: ReadonlyArray<{ start: number; end: number }> = [],
): ExtraMention[] {
  let until = taken.length > 0 ? 0 : text.length;
  for (const t of taken) until = Math.max(until, t.end);
  const blocks = textBlocks(text.length, breaks, until);
  const pattern = namePattern(names);
  if (!pattern) return [];
  const byName = new Map(names.map((n) => [n.name, n]));
  // The article's last block of its own text, looked for from the end: blocks after it are
  // never read, and each block before it is judged once.
  let last = blocks.length - 1;
  while (last >= 0 && !isPackText(blocks[last] as TextBlock)) last--;
  const out: ExtraMention[] = [];
  for (let b = 0; b < last; b++) {
    const block = blocks[b] as TextBlock;
    const words = text.slice(block.start, block.end);
    if (wordCount(words) < MIN_BLOCK_WORDS || isPackText(block)) continue;
    for (const m of words.matchAll(pattern)) {
      const name = byName.get(m[0]);
      if (!name) continue;
      const start = block.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      out.push({ ...name, start, end });
    }
  }
  return out;
}
