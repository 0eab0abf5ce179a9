// @vitest-environment node
/**
 * Hand-edited pack files stay canonical: parsing a file and formatting it again gives back the
 * same bytes, for every file of every pack folder (run `npm run packs:format` to canonicalise).
 */
import { describe, expect, it } from 'vitest';
import {
  PACK_FILES,
  PACKS_DIR,
  packFolderPaths,
  readPackFolder,
} from '../../../src/annotations/authoring/folder';
import { formatText, parseText } from '../../../src/annotations/authoring/text-format';
import { formatYaml, parseYaml } from '../../../src/annotations/authoring/yaml-file';

const folders = packFolderPaths(PACKS_DIR).map((dir) => readPackFolder(dir, (p) => p));

describe('pack files round-trip byte for byte', () => {
  it('finds the packs', () => {
    expect(folders.map((f) => f.id)).toContain('2025-11-24-trump-xi-call');
  });

  for (const folder of folders) {
    for (const file of Object.values(folder.files)) {
      it(`${folder.id}/${PACK_FILES[file.role].name}`, () => {
        if (file.role === 'text') {
          const parsed = parseText(file.text);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          expect(formatText(parsed.text.paragraphs)).toBe(file.text);
        } else {
          const parsed = parseYaml(file.text);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          expect(formatYaml(parsed.yaml.doc)).toBe(file.text);
        }
      });
    }
  }
});

describe('the formatter', () => {
  it('rewrites a hand-edited YAML file into the canonical form', () => {
    const edited = 'involves:   [ trump,xi ]\nnote:    "A note"   # why\n';
    const parsed = parseYaml(edited);
    if (!parsed.ok) throw new Error('did not parse');
    const canonical = formatYaml(parsed.yaml.doc);
    expect(canonical).not.toBe(edited);
    expect(canonical).toBe('involves: [trump, xi]\nnote: "A note" # why\n');
    const again = parseYaml(canonical);
    if (!again.ok) throw new Error('did not parse');
    expect(formatYaml(again.yaml.doc)).toBe(canonical);
  });

  it('keeps the roles of the text blocks', () => {
    const text = '> The lead.\n\nA body paragraph.\n\n## A subheading\n\nMore body.\n';
    const parsed = parseText(text);
    if (!parsed.ok) throw new Error('did not parse');
    expect(parsed.text.paragraphs.map((p) => [p.id, p.role])).toEqual([
      ['p0', 'standfirst'],
      ['p1', 'body'],
      ['p2', 'subheading'],
      ['p3', 'body'],
    ]);
    expect(formatText(parsed.text.paragraphs)).toBe(text);
  });
});
