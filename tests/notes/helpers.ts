import { createNote, type Note, type NoteDraft } from '../../src/notes/model';

export const NOW = new Date('2026-12-07T19:00:00.000Z');
export const LATER = new Date('2026-12-08T08:30:00.000Z');

let counter = 0;
export const freshId = () =>
  `urn:uuid:00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export const ARTICLE_URL =
  'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';

export function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    url: ARTICLE_URL,
    title: 'China’s Xi tells Trump Taiwan’s return key to post-war order',
    articleId: '2025-11-24-trump-xi-call',
    quote: {
      exact: 'very good',
      prefix: 'his phone call with Chinese President Xi Jinping as “',
      suffix: '”, saying they',
    },
    position: { start: 120, end: 129 },
    text: '',
    tags: [],
    ...overrides,
  };
}

export const note = (overrides: Partial<NoteDraft> = {}, id = freshId()): Note =>
  createNote(draft(overrides), id, NOW);
