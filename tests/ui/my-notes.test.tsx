/**
 * The "My notes" tab: this page's notes in page order with where each stands (the page's notes
 * layer says), edit in place, delete with undo, the list of all notes searched by words, tag and
 * site; and on a page without an article, the same section under the page's state.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { NotesOnPage } from '../../src/messages/protocol';
import { type Note, noteTags, noteText } from '../../src/notes/model';
import { note } from '../notes/helpers';
import { fake, resetFake } from './fake-browser';
import { $, $$, click, mountApp, openSection, pageState, settle, text, unmount } from './helpers';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
const { noteKey, writeRecord } = await import('../../src/notes/format');

const OTHER_URL = 'https://www.example.org/blog/2026/notes-on-trade?ref=feed';

function store(...notes: Note[]) {
  for (const n of notes) fake.local.set(noteKey(n.id), writeRecord(n));
}
const stored = (id: string) => (fake.local.get(noteKey(id)) as { note: Note } | undefined)?.note;

function pageSays(notes: NotesOnPage['notes'], page: NotesOnPage['page'] = null) {
  fake.pageNotes.set(7, {
    page: page ?? {
      url: 'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports',
      title: 'China’s Xi tells Trump',
      articleId: '2025-11-24-trump-xi-call',
    },
    notes,
  });
}

async function type(field: Element | null, value: string) {
  const el = field as HTMLInputElement | HTMLTextAreaElement;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function choose(select: Element | null, value: string) {
  const el = select as HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

const first = note({
  text: 'Line one\nline two',
  tags: ['trade'],
  position: { start: 10, end: 19 },
});
const edited = note({ text: 'Worded differently now', position: { start: 50, end: 59 } });
const lost = note({
  text: '',
  tags: ['check'],
  quote: { exact: 'a sentence the editors cut', prefix: '', suffix: '' },
});
const elsewhere = note({
  url: OTHER_URL,
  title: 'Notes on trade',
  articleId: undefined,
  text: 'Soya beans again',
  tags: ['Trade', 'farm'],
});

beforeEach(() => {
  resetFake();
  fake.tabStates.set(7, pageState());
  store(first, edited, lost, elsewhere);
  pageSays([
    { id: first.id, state: 'anchored' },
    { id: edited.id, state: 'edited' },
    { id: lost.id, state: 'orphan', reason: 'not-found' },
  ]);
});
afterEach(() => {
  unmount();
  expect([...fake.missingKeys]).toEqual([]);
});

const here = () => $$('[data-testid=notes-here] li.my-note');
const all = () => $$('[data-testid=notes-all] li.my-note');

describe('this page', () => {
  test('its notes in page order: placed, placed on edited words, not found with the reason', async () => {
    const root = await mountApp('sidepanel');
    await openSection('notes');
    expect(text($('#tab-notes', root))).toBe('My notes3');
    expect(here().map((li) => li.getAttribute('data-state'))).toEqual([
      'anchored',
      'edited',
      'orphan',
    ]);
    const [a, b, c] = here() as [Element, Element, Element];
    // Line breaks kept, as text.
    expect(($('.my-note-text', a) as HTMLElement).textContent).toBe('Line one\nline two');
    expect(text($('.my-note-tags', a))).toBe('trade');
    expect($('[data-action=reveal]', a)).not.toBeNull();
    expect(text($('.my-note-state', b))).toBe('Found, but the words on the page changed');
    expect($('[data-action=reveal]', b)).not.toBeNull();
    expect(text($('.my-note-state', c))).toBe(
      'Not found on this page Its words are no longer on this page.',
    );
    expect($('[data-action=reveal]', c)).toBeNull();
    expect(text($('.my-note-text', c))).toBe('Highlight, no note');
  });

  test('show in page asks the page to reveal that note', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    await click($('[data-action=reveal]', here()[0]));
    expect(fake.sent).toEqual([
      { tabId: 7, message: { type: 'gloss/reveal-note', noteId: first.id } },
    ]);
    expect(text($('.status'))).toBe('Shown on the page.');
  });

  test('each reason the engine gives has its own words', async () => {
    pageSays([
      { id: first.id, state: 'orphan', reason: 'below-threshold' },
      { id: edited.id, state: 'orphan', reason: 'ambiguous' },
    ]);
    await mountApp('sidepanel');
    await openSection('notes');
    expect(here().map((li) => $('.my-note-state', li)?.getAttribute('data-reason'))).toEqual([
      'below-threshold',
      'ambiguous',
    ]);
    expect(text($('.my-note-state', here()[1] as Element))).toContain('more than once');
  });

  test('Gloss not running in the tab: said so, and every note is still listed', async () => {
    fake.pageNotes.clear();
    await mountApp('sidepanel');
    await openSection('notes');
    expect(text($('[data-testid=notes-here]'))).toContain('Gloss is not reading this page');
    expect(all()).toHaveLength(4);
  });

  test('a page without an article has the section under its state', async () => {
    fake.tabStates.set(7, { status: 'none' });
    pageSays([{ id: elsewhere.id, state: 'anchored' }], {
      url: OTHER_URL,
      title: 'Notes on trade',
    });
    const root = await mountApp('sidepanel');
    expect(text($('.my-notes-title', root))).toBe('My notes');
    expect(here().map((li) => li.getAttribute('data-note'))).toEqual([elsewhere.id]);
  });
});

describe('edit, delete, undo', () => {
  test('edit in place: text and tags saved, modified moves on, the rest unchanged', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    await click($('[data-action=edit]', here()[0]));
    const form = $('form.my-note-editor') as HTMLFormElement;
    expect(($('[data-field=text]', form) as HTMLTextAreaElement).value).toBe('Line one\nline two');
    await type($('[data-field=text]', form), 'Rewritten\nwith a second line');
    await type($('[data-field=tags]', form), 'trade, follow up');
    await click($('[data-action=save]', form));
    const saved = stored(first.id) as Note;
    expect(noteText(saved)).toBe('Rewritten\nwith a second line');
    expect(noteTags(saved)).toEqual(['trade', 'follow up']);
    expect(saved.modified > first.modified).toBe(true);
    expect({ ...saved, body: [], modified: '' }).toEqual({ ...first, body: [], modified: '' });
    expect($('form.my-note-editor')).toBeNull();
    expect(text($('.status'))).toBe('Your note is saved.');
  });

  test('a refused save keeps the editor open with what was typed, and says why', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    await click($('[data-action=edit]', here()[0]));
    await type($('form.my-note-editor [data-field=text]'), 'Words I must not lose');
    fake.refuseWrites = new Error('QUOTA_BYTES quota exceeded');
    await click($('form.my-note-editor [data-action=save]'));
    expect(text($('form.my-note-editor [role=alert]'))).toContain('storage for Gloss is full');
    expect(($('form.my-note-editor [data-field=text]') as HTMLTextAreaElement).value).toBe(
      'Words I must not lose',
    );
    expect(stored(first.id)).toEqual(first);
  });

  test('delete, then undo: the very same note is back', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    await click($('[data-action=delete]', here()[2]));
    expect(stored(lost.id)).toBeUndefined();
    expect(text($('[data-testid=undo-bar]'))).toContain(
      'Deleted your note on “a sentence the editors cut”',
    );
    expect(document.activeElement).toBe($('[data-action=undo]'));
    await click($('[data-action=undo]'));
    expect(stored(lost.id)).toEqual(lost);
    expect($('[data-testid=undo-bar]')).toBeNull();
    expect(text($('.status'))).toBe('Your note is back.');
  });
});

describe('all notes', () => {
  test('grouped by page, each page a link to it', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    const pages = $$('.my-notes-page');
    expect(pages).toHaveLength(2);
    const links = pages.map((p) => ($('h4 a', p) as HTMLAnchorElement).getAttribute('href'));
    expect(links).toContain(OTHER_URL);
    expect(text($('[data-testid=notes-shown]'))).toBe('4 of 4 notes');
  });

  test('searched by words, by #tag, by tag and by site', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    const ids = () => all().map((li) => li.getAttribute('data-note'));
    await type($('[data-field=search]'), 'soya');
    expect(ids()).toEqual([elsewhere.id]);
    await type($('[data-field=search]'), '#trade');
    expect(ids().sort()).toEqual([first.id, elsewhere.id].sort());
    await type($('[data-field=search]'), 'line two');
    expect(ids()).toEqual([first.id]);
    await type($('[data-field=search]'), '');
    await choose($('[data-field=tag]'), 'check');
    expect(ids()).toEqual([lost.id]);
    await choose($('[data-field=tag]'), '');
    await choose($('[data-field=site]'), 'www.example.org');
    expect(ids()).toEqual([elsewhere.id]);
    await type($('[data-field=search]'), 'nothing like this');
    expect(text($('[data-testid=notes-all]'))).toContain('No note matches.');
  });

  test('a note holding markup shows the characters, never markup', async () => {
    const evil = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
    store(
      note({ text: evil, tags: [evil.slice(0, 40)], title: evil, url: 'https://evil.example/' }),
    );
    await mountApp('sidepanel');
    await openSection('notes');
    expect($$('[data-testid=notes-all] img, [data-testid=notes-all] script')).toEqual([]);
    expect(text($('[data-testid=notes-all]'))).toContain(evil);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('export and import', () => {
  /** Chooses a file in the import control, as the browser hands it over. */
  async function importFile(content: string, name = 'notes.jsonld') {
    const input = $('[data-field=import-file]') as HTMLInputElement;
    const file = new File([content], name, { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(8);
  }
  const storedIds = () => [...fake.local.keys()].filter((k) => k.startsWith('gloss.note.')).sort();

  async function exported(action: 'export-page' | 'export-all') {
    let blob: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:gloss-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    await click($(`[data-action=${action}]`));
    create.mockRestore();
    return JSON.parse(await (blob as Blob).text());
  }

  test('export this page’s notes, or all: a W3C collection of the stored notes, as they are', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    const page = await exported('export-page');
    expect(page.type).toBe('AnnotationCollection');
    expect(page.label).toBe('Gloss notes on “China’s Xi tells Trump”');
    expect(page.first.items).toEqual([first, edited, lost]);
    const everything = await exported('export-all');
    expect(everything.total).toBe(4);
    expect(text($('.status'))).toMatch(
      /^Exported notes: 4, to gloss-notes-\d{4}-\d\d-\d\d\.jsonld\.$/,
    );
  });

  test('a round trip into an empty profile gives identical notes', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    const file = await exported('export-all');
    const before = new Map(fake.local);
    unmount();
    fake.local.clear();
    await mountApp('sidepanel');
    await openSection('notes');
    await importFile(JSON.stringify(file));
    expect(text($('[data-testid=import-done]'))).toBe('Imported notes: 4.');
    expect(new Map(fake.local)).toEqual(before);
  });

  test('a file that is not JSON: refused, with why, and nothing imported', async () => {
    fake.local.clear();
    await mountApp('sidepanel');
    await openSection('notes');
    await importFile('{"type": "AnnotationCollection", ');
    expect(text($('[data-testid=import-error]'))).toMatch(
      /^Nothing was imported\. The file is not JSON: /,
    );
    expect(storedIds()).toEqual([]);
  });

  test('a hostile file: each bad item named; nothing imported unless the reader agrees, nothing overwritten', async () => {
    await mountApp('sidepanel');
    await openSection('notes');
    const good = note({ text: 'fine' });
    const takenId = {
      ...elsewhere,
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'not yours' }],
    };
    const script = { ...note(), target: { ...note().target, source: 'javascript:alert(1)' } };
    const html = {
      ...note(),
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: '<b>x</b>', format: 'text/html' },
      ],
    };
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [good, script, html, takenId],
    };
    const idsBefore = storedIds();
    await importFile(JSON.stringify(file), 'hostile.jsonld');
    const ask = $('[data-testid=import-ask]') as HTMLElement;
    expect(text(ask)).toContain('“hostile.jsonld” (Gloss’s own export) holds 4 annotations.');
    expect(text(ask)).toContain('Annotation 2: target.source: is not a web page address');
    expect(text(ask)).toContain(
      'Annotation 3: body.0.format: is "text/html"; Gloss keeps notes as plain text',
    );
    expect(text(ask)).toContain('Cannot be imported (2):');
    expect(text(ask)).toContain('Already here under the same id, with other content (1)');
    expect(document.activeElement).toBe(ask);
    expect(storedIds()).toEqual(idsBefore);
    await click($('[data-action=import-cancel]'));
    expect(storedIds()).toEqual(idsBefore);
    expect(text($('[data-testid=import-done]'))).toBe('Nothing was imported.');

    await importFile(JSON.stringify(file), 'hostile.jsonld');
    await click($('[data-action=import-confirm]'));
    expect(storedIds()).toEqual([...idsBefore, `gloss.note.${good.id}`].sort());
    expect(stored(elsewhere.id)).toEqual(elsewhere);
  });

  test('a full storage refuses the whole import: nothing half-written, and the reason shown', async () => {
    fake.local.clear();
    await mountApp('sidepanel');
    await openSection('notes');
    fake.refuseWrites = new Error('QUOTA_BYTES quota exceeded');
    await importFile(JSON.stringify([first, edited]));
    expect(text($('[data-testid=import-error]'))).toContain('storage for Gloss is full');
    expect(storedIds()).toEqual([]);
  });

  test('the popup offers import in the side panel (a file chooser would close it)', async () => {
    await mountApp('popup');
    await openSection('notes');
    expect($('[data-field=import-file]')).toBeNull();
    expect($('[data-action=export-all]')).not.toBeNull();
  });
});

describe('a site Gloss does not support', () => {
  beforeEach(() => {
    fake.tabStates.set(7, { status: 'none' });
    pageSays([{ id: elsewhere.id, state: 'anchored' }], {
      url: OTHER_URL,
      title: 'Notes on trade',
    });
  });

  test('My notes offers to keep the site; the click asks the browser for that site only', async () => {
    await mountApp('sidepanel');
    expect(text($('[data-testid=site-offer]'))).toContain(
      'Gloss reads www.example.org only when you ask it to',
    );
    await click($('[data-action=keep-site]'));
    expect(fake.requested).toEqual([['https://www.example.org/*']]);
    expect($('[data-testid=site-offer]')).toBeNull();
    expect(text($('.status'))).toBe(
      'Gloss now shows your notes on www.example.org on every visit.',
    );
  });

  test('a kept site has no offer; a refused prompt leaves it', async () => {
    fake.grantedOrigins.add('https://www.example.org/*');
    await mountApp('sidepanel');
    expect($('[data-testid=site-offer]')).toBeNull();
    unmount();
    fake.grantedOrigins.clear();
    fake.grantAnswer = false;
    await mountApp('sidepanel');
    await click($('[data-action=keep-site]'));
    expect($('[data-testid=site-offer]')).not.toBeNull();
  });
});
