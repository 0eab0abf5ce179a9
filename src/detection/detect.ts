/**
 * Is this page a known article? Two stages:
 *  1. the catalogue index (catalogue-index.ts, in the background): the page's address, metadata
 *     and the opening of its text, as the gate probes them, name a candidate article;
 *  2. only for that candidate, in the engine: the article's paragraphs against the page's text
 *     (judge.ts), which decides.
 */

/**
 * How a page was recognised: its URL; its metadata (canonical link, og:url, JSON-LD url); its
 * headline (og:title, JSON-LD headline or h1); or its text alone.
 */
export const RECOGNISED_BY = ['url', 'metadata', 'headline', 'text'] as const;
export type RecognisedBy = (typeof RECOGNISED_BY)[number];
