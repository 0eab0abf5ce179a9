/**
 * The 27 ranges of the Hypothesis client's HTML anchoring tests, on their test page
 * (fixtures/hypothesis-html-anchoring.html), as test data: where each starts and ends, and the
 * text it selects. From github.com/hypothesis/client, src/annotator/anchoring/test/html-test.js
 * (`rangeSpecs`, which it took from Annotator v1.2.x's range_spec.coffee), BSD-2-Clause,
 * Copyright (c) 2013-2019 Hypothes.is Project and contributors. A container is either the index
 * of a text node under the page's root or a path of child steps from the root ("p[2]",
 * "text()[2]"; 1-based, as in XPath).
 *
 * Also here: the page loaded under a root element, and each range resolved to a DOM Range.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RangeSpec {
  startContainer: number | string;
  startOffset: number;
  endContainer: number | string;
  endOffset: number;
  /** The range's text (Range.toString(): the text nodes' data, no separators). */
  quote: string;
  description: string;
}

const spec = (
  startContainer: number | string,
  startOffset: number,
  endContainer: number | string,
  endOffset: number,
  quote: string,
  description: string,
): RangeSpec => ({ startContainer, startOffset, endContainer, endOffset, quote, description });

const BETWEEN_BR = 'Lorem sed do eiusmod tempor.';

export const HYPOTHESIS_RANGES: readonly RangeSpec[] = [
  spec(0, 13, 0, 27, 'habitant morbi', 'Partial node contents.'),
  spec(0, 0, 0, 37, 'Pellentesque habitant morbi tristique', 'Full node contents, textNode refs.'),
  spec(
    '/p/strong',
    0,
    '/p/strong',
    1,
    'Pellentesque habitant morbi tristique',
    'Full node contents, elementNode refs.',
  ),
  spec(0, 22, 1, 12, 'morbi tristique senectus et', 'Spanning 2 nodes.'),
  spec(
    '/p/strong',
    0,
    1,
    12,
    'Pellentesque habitant morbi tristique senectus et',
    'Spanning 2 nodes, elementNode start ref.',
  ),
  spec(
    1,
    165,
    '/p/em',
    1,
    'egestas semper. Aenean ultricies mi vitae est.',
    'Spanning 2 nodes, elementNode end ref.',
  ),
  spec(9, 7, 12, 11, 'Level 2\n\n\n  Lorem ipsum', 'Spanning multiple nodes, textNode refs.'),
  spec(
    '/p',
    0,
    '/p',
    8,
    'Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas. Vestibulum tortor quam, feugiat vitae, ultricies eget, tempor sit amet, ante. Donec eu libero sit amet quam egestas semper. Aenean ultricies mi vitae est. Mauris placerat eleifend leo. Quisque sit amet est et sapien ullamcorper pharetra. Vestibulum erat wisi, condimentum sed, commodo vitae, ornare sit amet, wisi. Aenean fermentum, elit eget tincidunt condimentum, eros ipsum rutrum orci, sagittis tempus lacus enim ac dui. Donec non enim in turpis pulvinar facilisis. Ut felis.',
    'Spanning multiple nodes, elementNode refs.',
  ),
  spec('/p[2]', 0, '/p[2]', 1, BETWEEN_BR, 'Full node contents with empty node at end.'),
  spec(
    '/div/text()[2]',
    0,
    '/div/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, textNode refs',
  ),
  spec('/div/text()[2]', 0, '/div', 4, BETWEEN_BR, 'Text between br tags, elementNode ref at end'),
  spec('/div/text()[2]', 0, '/div', 5, BETWEEN_BR, 'Text between br tags, with <br/> at end'),
  spec('/div/text()[2]', 0, '/div', 6, BETWEEN_BR, 'Text between br tags, with <br/><br/> at end'),
  spec(
    '/div/text()[2]',
    0,
    '/div',
    7,
    BETWEEN_BR,
    'Text between br tags, with <br/><br/><br/> at end',
  ),
  spec(
    '/div',
    3,
    '/div/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, elementNode ref at start',
  ),
  spec('/div', 2, '/div/text()[2]', 28, BETWEEN_BR, 'Text between br tags, with <br/> at start'),
  spec(
    '/div',
    1,
    '/div/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, with <br/><br/> at start',
  ),
  spec(
    '/div[2]/text()[2]',
    0,
    '/div[2]/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, textNode refs',
  ),
  spec(
    '/div[2]/text()[2]',
    0,
    '/div[2]',
    4,
    BETWEEN_BR,
    'Text between br tags, elementNode ref at end',
  ),
  spec('/div[2]/text()[2]', 0, '/div[2]', 5, BETWEEN_BR, 'Text between br tags, with <br/> at end'),
  spec(
    '/div[2]/text()[2]',
    0,
    '/div[2]',
    6,
    BETWEEN_BR,
    'Text between br tags, with <br/><p><br/></p> at end',
  ),
  spec(
    '/div[2]/text()[2]',
    0,
    '/div[2]',
    7,
    BETWEEN_BR,
    'Text between br tags, with <br/><p><br/></p><br/> at end',
  ),
  spec(
    '/div[2]',
    3,
    '/div[2]/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, elementNode ref at start',
  ),
  spec(
    '/div[2]',
    2,
    '/div[2]/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, with <p><br/></p> at the start',
  ),
  spec(
    '/div[2]',
    1,
    '/div[2]/text()[2]',
    28,
    BETWEEN_BR,
    'Text between br tags, with <br/><p><br/></p> at the start',
  ),
  spec(
    '/h2[2]',
    0,
    '/p[4]',
    0,
    'Header Level 2\n\n\n  Mauris lacinia ipsum nulla, id iaculis quam egestas quis.\n\n\n',
    'No text node at the end and offset 0',
  ),
  spec(
    '/gh-73/div',
    0,
    '/gh-73/span/text()',
    4,
    'Test',
    'Range starting at an element node with no children',
  ),
];

const PAGE = readFileSync(
  resolve(import.meta.dirname, 'fixtures/hypothesis-html-anchoring.html'),
  'utf8',
).replace(/^<!--[\s\S]*?-->\n/, '');

/** The test page under a new <section> of `doc`'s body, as the Hypothesis tests load it. */
export function loadHypothesisPage(doc: Document): HTMLElement {
  const root = doc.createElement('section');
  root.innerHTML = PAGE;
  doc.body.append(root);
  return root;
}

/** Text nodes under `root`, in document order. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  while (walker?.nextNode()) out.push(walker.currentNode as Text);
  return out;
}

/** A path of child steps ("p[2]", "text()", "gh-73") from `root`. */
function nodeAt(root: Node, path: string): Node {
  let node: Node = root;
  for (const step of path.split('/').filter(Boolean)) {
    const m = /^([\w-]+|text\(\))(?:\[(\d+)\])?$/.exec(step);
    if (!m) throw new Error(`unsupported step ${step}`);
    const [, name, nth = '1'] = m;
    const matches = [...node.childNodes].filter((c) =>
      name === 'text()' ? c.nodeType === 3 : c.nodeType === 1 && (c as Element).localName === name,
    );
    const next = matches[Number(nth) - 1];
    if (!next) throw new Error(`no ${step} in ${path}`);
    node = next;
  }
  return node;
}

/** The DOM Range a spec describes, under `root`. */
export function rangeOf(root: HTMLElement, range: RangeSpec): Range {
  const container = (c: number | string): Node => {
    if (typeof c === 'string') return nodeAt(root, c);
    const node = textNodes(root)[c];
    if (!node) throw new Error(`no text node ${c}`);
    return node;
  };
  const r = (root.ownerDocument as Document).createRange();
  r.setStart(container(range.startContainer), range.startOffset);
  r.setEnd(container(range.endContainer), range.endOffset);
  return r;
}
