/**
 * `text.md`: the article's text, one paragraph a block, blocks separated by one blank line.
 * A block is taken literally (no Markdown is interpreted inside it), except for its role marker:
 *   `> ` at the start of a block → the standfirst (the lead under the headline);
 *   `## ` at the start of a block → a subheading;
 *   anything else → a body paragraph.
 * Paragraph ids are `p0`, `p1`, … in order. The canonical form has each paragraph on one line
 * and ends with one newline, so that `formatText(parseText(x)) === x` for every file that parses.
 */
import type { Paragraph, ParagraphRole } from '../model';

export interface TextProblem {
  line: number;
  message: string;
}

export interface ParsedText {
  paragraphs: Paragraph[];
  /** The 1-based line of each paragraph, in order. */
  lines: number[];
}

const MARKERS: ReadonlyArray<[ParagraphRole, string]> = [
  ['standfirst', '> '],
  ['subheading', '## '],
];

export function parseText(
  source: string,
): { ok: true; text: ParsedText } | { ok: false; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const paragraphs: Paragraph[] = [];
  const lines: number[] = [];
  if (source.includes('\r'))
    problems.push({ line: 1, message: 'has Windows line endings (CR LF); expected LF only' });
  if (!source.endsWith('\n') || source.endsWith('\n\n')) {
    problems.push({
      line: Math.max(1, source.split('\n').length - 1),
      message: 'must end with exactly one newline',
    });
  }
  const rows = source.replace(/\r/g, '').replace(/\n$/, '').split('\n');
  let blockStart = -1;
  rows.forEach((row, i) => {
    const line = i + 1;
    if (row === '') {
      if (blockStart === -1 && i > 0) {
        problems.push({
          line,
          message: 'is a second blank line; expected one blank line between paragraphs',
        });
      } else if (i === 0) {
        problems.push({ line, message: 'is blank; expected the first paragraph on line 1' });
      }
      blockStart = -1;
      return;
    }
    if (blockStart !== -1) {
      problems.push({
        line,
        message: `continues the paragraph of line ${blockStart}; expected each paragraph on one line, and a blank line between paragraphs`,
      });
      return;
    }
    blockStart = line;
    if (row !== row.trim()) problems.push({ line, message: 'starts or ends with spaces' });
    let role: ParagraphRole = 'body';
    let text = row;
    for (const [markedRole, marker] of MARKERS) {
      if (row.startsWith(marker)) {
        role = markedRole;
        text = row.slice(marker.length);
      }
    }
    if (text.trim() === '') problems.push({ line, message: 'has a role marker but no text' });
    paragraphs.push({ id: `p${paragraphs.length}`, role, text });
    lines.push(line);
  });
  if (paragraphs.length === 0 && problems.length === 0)
    problems.push({ line: 1, message: 'has no paragraph' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text: { paragraphs, lines } };
}

export function formatText(paragraphs: readonly Pick<Paragraph, 'role' | 'text'>[]): string {
  const marker = (role: ParagraphRole) => MARKERS.find(([r]) => r === role)?.[1] ?? '';
  return `${paragraphs.map((p) => `${marker(p.role)}${p.text}`).join('\n\n')}\n`;
}
