/**
 * Highlight categories: one per entity kind and one per claim kind. Each is painted as one CSS
 * Custom Highlight registered as `gloss-<category>` (e.g. `gloss-entity-person`,
 * `gloss-claim-warning`); other tools and the tests rely on these names.
 *
 * Entities get a translucent background, claims an underline whose line style differs by kind, so
 * entities and claims are told apart by more than colour, and the translucency reads on light and
 * dark pages alike.
 */
import { CLAIM_KINDS, type ClaimKind, ENTITY_KINDS, type EntityKind } from '../annotations/model';

export type EntityCategory = `entity-${EntityKind}`;
export type ClaimCategory = `claim-${ClaimKind}`;
/** The reader's own marks: a bare highlight, or a highlight with a note. */
export type NoteCategory = 'note-highlight' | 'note-comment';
export type HighlightCategory = EntityCategory | ClaimCategory | NoteCategory;

/** The category an entity of this kind is painted in. */
export const entityCategory = (kind: EntityKind): EntityCategory => `entity-${kind}`;
/** The category a claim of this kind is painted in. */
export const claimCategory = (kind: ClaimKind): ClaimCategory => `claim-${kind}`;

export const ENTITY_CATEGORIES: readonly EntityCategory[] = ENTITY_KINDS.map(entityCategory);
export const CLAIM_CATEGORIES: readonly ClaimCategory[] = CLAIM_KINDS.map(claimCategory);
export const NOTE_CATEGORIES: readonly NoteCategory[] = ['note-highlight', 'note-comment'];
export const HIGHLIGHT_CATEGORIES: readonly HighlightCategory[] = [
  ...ENTITY_CATEGORIES,
  ...CLAIM_CATEGORIES,
  ...NOTE_CATEGORIES,
];

export const highlightName = (category: HighlightCategory) => `gloss-${category}` as const;

export interface CategoryStyle {
  /** Swatch colour for the UI. */
  swatch: string;
  /** The ::highlight() declarations. */
  css: string;
}

/** Entity shading: strong enough to tell the kinds apart at a glance. */
const ENTITY_ALPHA = 0.32;
/**
 * Calm reading's entity shading: still tells a name from the words around it (and the kinds
 * apart, side by side), but no longer competes with the reader's own marks (alpha 0.45 and up).
 */
const CALM_ENTITY_ALPHA = 0.14;

const entityStyle = (rgb: string): CategoryStyle => ({
  swatch: `rgb(${rgb})`,
  css: `background-color: rgb(${rgb} / ${ENTITY_ALPHA});`,
});
const claimStyle = (colour: string, line: string): CategoryStyle => ({
  swatch: colour,
  css: `text-decoration: underline ${line} ${colour}; text-decoration-thickness: 2px; text-underline-offset: 3px;`,
});

export const CATEGORY_STYLES: Readonly<Record<HighlightCategory, CategoryStyle>> = {
  'entity-person': entityStyle('245 180 0'),
  'entity-organisation': entityStyle('30 144 255'),
  'entity-place': entityStyle('0 184 112'),
  'entity-thing': entityStyle('220 70 200'),
  'entity-event': entityStyle('255 112 48'),
  'claim-fact': claimStyle('#7b61ff', 'solid'),
  'claim-commitment': claimStyle('#0b9e74', 'double'),
  'claim-assessment': claimStyle('#e0357f', 'dotted'),
  'claim-warning': claimStyle('#e8590c', 'wavy'),
  // The reader's marks: a marker-pen yellow with a dashed underline (a line style no claim uses),
  // drawn above Gloss's own shading; a note's mark is stronger than a bare highlight's.
  'note-highlight': {
    swatch: 'rgb(255 221 0)',
    css: 'background-color: rgb(255 221 0 / 0.45); text-decoration: underline dashed #8a6d00; text-decoration-thickness: 2px; text-underline-offset: 3px;',
  },
  'note-comment': {
    swatch: 'rgb(255 170 0)',
    css: 'background-color: rgb(255 196 0 / 0.6); text-decoration: underline dashed #7a4a00; text-decoration-thickness: 2px; text-underline-offset: 3px;',
  },
};

/** Paint order: entity shading, then claim lines, then the reader's marks, then a flash. */
export const highlightPriority = (category: HighlightCategory) =>
  category.startsWith('note-') ? 2 : category.startsWith('claim-') ? 1 : 0;

/** A brief highlight over a mention or claim the reader asked to see. */
export const FLASH_HIGHLIGHT = 'gloss-flash';

/** How highlights look: in full, or calm reading's lighter entity shading (highlights/modes.ts). */
export type HighlightLook = 'full' | 'calm';

/** The ::highlight() declarations of a category in a look. */
export function categoryCss(category: HighlightCategory, look: HighlightLook = 'full'): string {
  const css = CATEGORY_STYLES[category].css;
  return look === 'calm' && category.startsWith('entity-')
    ? css.replace(`/ ${ENTITY_ALPHA})`, `/ ${CALM_ENTITY_ALPHA})`)
    : css;
}

/**
 * The stylesheet that gives Gloss highlights their look: of `categories` (a painter styles only
 * what it paints, so two painters' sheets never restyle each other's highlights), and the flash.
 */
export function highlightStylesheet(
  look: HighlightLook = 'full',
  categories: readonly HighlightCategory[] = HIGHLIGHT_CATEGORIES,
): string {
  return [
    ...categories.map((c) => `::highlight(${highlightName(c)}) { ${categoryCss(c, look)} }`),
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgb(255 214 0 / 0.9); color: #111; }`,
  ].join('\n');
}
