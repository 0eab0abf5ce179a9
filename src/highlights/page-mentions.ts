/**
 * Mentions of a pack's entities in text the pack does not have (the page's own headline, a
 * paragraph a syndicating site added): found by the proper names exactly as the pack writes them,
 * as whole words, longest name first. Only entities: a claim is the article's sentence, never
 * something a name elsewhere can stand for. Pure.
 */
import type { Pack } from '../annotations/model';

export interface NameForm {
  /** The name as the pack writes it in one of its mentions ("Mr Trump", "China"). */
  text: string;
  entityId: string;
  /** One of the entity's mentions, whose card describes the entity. */
  mentionId: string;
}

/** Names shorter than this are too easily something else ("US" in a headline stays: 2). */
const MIN_NAME = 2;
/**
 * Only proper names: a mention written as a description ("That deal", "The Chinese leader",
 * "phone call") refers to the entity only in the article's own sentence; elsewhere it may be
 * anything.
 */
const DESCRIPTION_START = /^(the|that|this|these|those|a|an|its|his|her|their|our|such)\b/i;
const isName = (text: string) => /^[\p{Lu}\p{N}]/u.test(text) && !DESCRIPTION_START.test(text);

/** Every distinct way the pack writes each entity's name, longest first. */
export function nameForms(pack: Pack): NameForm[] {
  const seen = new Map<string, NameForm>();
  for (const entity of pack.entities) {
    for (const mention of entity.mentions) {
      const text = mention.target.quote.exact;
      if (text.length < MIN_NAME || !isName(text) || seen.has(text)) continue;
      seen.set(text, { text, entityId: entity.id, mentionId: mention.id });
    }
  }
  return [...seen.values()].sort((a, b) => b.text.length - a.text.length);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where the names occur in `text` as whole words, without overlaps, in text order. */
export function findNames(
  text: string,
  forms: readonly NameForm[],
): Array<{ start: number; end: number; form: NameForm }> {
  const taken: Array<{ start: number; end: number; form: NameForm }> = [];
  for (const form of forms) {
    for (let at = text.indexOf(form.text); at >= 0; at = text.indexOf(form.text, at + 1)) {
      const end = at + form.text.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      if (taken.some((t) => at < t.end && end > t.start)) continue;
      taken.push({ start: at, end, form });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
