/**
 * The YAML files of a pack folder, read and written through the `yaml` package's document API,
 * which keeps comments, key order and layout. `formatYaml(parseYaml(x).doc) === x` holds for a
 * file in canonical form; `npm run packs:format` rewrites files into that form.
 */
import { type Document, isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';

/** How canonical pack YAML is written (also what the round trip compares against). */
export const YAML_FORMAT = {
  lineWidth: 100,
  minContentWidth: 40,
  flowCollectionPadding: false,
} as const;

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
}

export interface YamlProblem {
  line: number;
  message: string;
}

/** Parse one YAML file; syntax errors and warnings become problems with their line. */
export function parseYaml(
  text: string,
): { ok: true; yaml: ParsedYaml } | { ok: false; problems: YamlProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lineCounter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, yaml: { doc, lineCounter } };
}

export function formatYaml(doc: Document): string {
  return doc.toString(YAML_FORMAT);
}

type Key = string | number;

/**
 * The line of the node at `keys` (or of the deepest existing node on the way there, for a
 * missing field: its parent object). 1-based.
 */
export function lineAt(yaml: ParsedYaml, keys: readonly Key[]): number {
  let node: unknown = yaml.doc.contents;
  let line = node && isNode(node) && node.range ? yaml.lineCounter.linePos(node.range[0]).line : 1;
  for (const key of keys) {
    let next: unknown;
    if (isMap(node)) next = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
    if (!next || !isNode(next)) break;
    node = next;
    if (next.range) line = yaml.lineCounter.linePos(next.range[0]).line;
  }
  return line;
}
