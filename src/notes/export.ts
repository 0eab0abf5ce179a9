/**
 * Export notes as a W3C Web Annotation AnnotationCollection (JSON-LD, §5 of the model): one
 * AnnotationPage holding every note, the page naming its collection in `partOf` as an object
 * ({ id, label, total }), as the W3C annotation-model tests expect. Each item is the stored note
 * as it is (it already is a Web Annotation), so importing the file gives back identical notes.
 */
import { ANNO_CONTEXT, NOTES_CONTEXT, type Note } from './model';

export const NOTES_EXPORT_GENERATOR = Object.freeze({
  type: 'Software',
  name: 'Gloss',
} as const);

export interface NotesCollection {
  '@context': [typeof ANNO_CONTEXT, typeof NOTES_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: typeof NOTES_EXPORT_GENERATOR;
  first: {
    id: string;
    type: 'AnnotationPage';
    partOf: { id: string; label: string; total: number };
    startIndex: 0;
    items: Note[];
  };
}

/**
 * `label` names what was exported ("Notes on <page title>", "All notes"); `collectionId` is an
 * IRI (a fresh urn:uuid per export: two exports are two collections).
 */
export function exportNotes(
  notes: readonly Note[],
  label: string,
  collectionId: string,
  now: Date,
): NotesCollection {
  const items = [...notes];
  return {
    '@context': [ANNO_CONTEXT, NOTES_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generated: now.toISOString(),
    generator: NOTES_EXPORT_GENERATOR,
    first: {
      id: `${collectionId}:page-1`,
      type: 'AnnotationPage',
      partOf: { id: collectionId, label, total: items.length },
      startIndex: 0,
      items,
    },
  };
}

/** A file name for the download: "gloss-notes-2026-12-07.jsonld". */
export const exportFileName = (now: Date, scope: 'page' | 'all') =>
  `gloss-notes-${scope === 'page' ? 'page-' : ''}${now.toISOString().slice(0, 10)}.jsonld`;
