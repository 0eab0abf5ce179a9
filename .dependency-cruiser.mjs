/**
 * The layer rule, checked by `npm run lint` (and so by `npm test`): dependency-cruiser reads every
 * import in src/ (type-only imports too: a layer rule is about what a reader must understand
 * first) and fails on one that points up.
 *
 * Layers, top to bottom. A folder may import from its own folder and from any folder of a lower
 * layer; never up, and never sideways into another folder of its own layer. A new folder under
 * src/ must be given a layer here before it may import or be imported.
 */
export const LAYERS = [
  // Entry points of the extension's pages (grant: asking the reader for one site, for notes).
  ['popup', 'sidepanel', 'grant'],
  // The popup and side panel app (Preact).
  ['ui'],
  // Where code runs: the content scripts (gate, engine, cards, paint) and the background.
  ['content', 'background'],
  // What cards and panel share: labels, describing an annotation, naming a speaker, dates.
  ['presentation'],
  // The message protocol every context speaks, and its typed senders.
  ['messages'],
  // What to highlight and how; recognising a known article.
  ['highlights', 'detection'],
  // The data model and packs; the anchoring engine (standalone); the reader's own notes (a W3C
  // Web Annotation model and its storage, through platform).
  ['annotations', 'anchoring', 'notes'],
  // The one module touching browser APIs: browser, settings, i18n, side panel.
  ['platform'],
  // Word lists that anchoring and detection both fold with (honorifics, spellings): data only.
  ['language'],
];

const ALL = LAYERS.flat();
const any = (folders) => `^src/(${folders.join('|')})/`;

/** For each folder: every folder it may not import (the layers above it, and its siblings). */
const layerRules = LAYERS.flatMap((layer, rank) =>
  layer.map((folder) => {
    const above = LAYERS.slice(0, rank).flat();
    const siblings = layer.filter((f) => f !== folder);
    const forbidden = [...above, ...siblings];
    return {
      name: `layer-${folder}`,
      comment: `src/${folder}/ may import only its own folder and the layers below it (${LAYERS.slice(
        rank + 1,
      )
        .flat()
        .join(', ')}): see .dependency-cruiser.mjs`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: forbidden.length ? any(forbidden) : '^$' },
    };
  }),
).filter((rule) => rule.to.path !== '^$');

export default {
  forbidden: [
    ...layerRules,
    {
      name: 'folder-without-layer',
      comment: 'Every folder under src/ has a layer in .dependency-cruiser.mjs (LAYERS).',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: any(ALL) },
      to: {},
    },
    {
      name: 'into-folder-without-layer',
      comment: 'Every folder under src/ has a layer in .dependency-cruiser.mjs (LAYERS).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+/', pathNot: any(ALL) },
    },
    {
      name: 'anchoring-standalone',
      comment:
        'src/anchoring/ imports nothing of the extension but the word lists of src/language/.',
      severity: 'error',
      from: { path: '^src/anchoring/' },
      to: { path: '^(src/(?!anchoring/|language/)|assets/|tests/|tools/|scripts/|bench/)' },
    },
    {
      name: 'anchoring-through-index',
      comment: 'Outside src/anchoring/, the engine is used only through src/anchoring/index.ts.',
      severity: 'error',
      from: { path: '^src/(?!anchoring/)' },
      to: { path: '^src/anchoring/', pathNot: '^src/anchoring/index\\.ts$' },
    },
    {
      name: 'src-imports-no-tooling',
      comment: 'The extension imports nothing from the tests, tools, scripts or bench.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|tools|scripts|bench)/|^vite\\.config' },
    },
    {
      name: 'tools-import-no-tests',
      comment: 'tools/ serve the tests, scripts and bench, never the other way round.',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^(tests|scripts|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    // Type-only imports count.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|artifacts|node_modules|bench/out|bench/pages)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
