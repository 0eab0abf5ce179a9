/**
 * Two happy-dom shortcomings the wrapping painter runs into, fixed for the duration of the fuzz:
 *
 *  - Text.splitText() does not move live ranges to the new node (DOM spec, "split a Text node",
 *    step 7): a range after the split point is clamped into the old node instead. Browsers do it,
 *    and the painter relies on it when it splits a node that a later range also covers. The shim
 *    does what the spec says for the ranges registered with `track()` (the ones the test paints).
 *  - Range.intersectsNode() walks the whole document per call (O(n) per node, O(n²) per range):
 *    350 ms of painting per page. The shim is the spec algorithm with boundary points compared by
 *    their paths from the root (same answers, O(depth)).
 */

/** happy-dom's internal child array (its previousSibling is itself an indexOf on it). */
let nodeArraySymbol: symbol | null | undefined;

function indexOf(node: Node): number {
  const parent = node.parentNode as (Node & Record<symbol, unknown>) | null;
  if (!parent) return 0;
  if (nodeArraySymbol === undefined) {
    nodeArraySymbol =
      Object.getOwnPropertySymbols(parent).find((s) => s.description === 'nodeArray') ?? null;
  }
  const children = nodeArraySymbol ? parent[nodeArraySymbol] : undefined;
  if (Array.isArray(children)) {
    const i = children.indexOf(node);
    if (i >= 0) return i;
  }
  return Array.prototype.indexOf.call(parent.childNodes, node);
}

/** Path of child indices from the root to `node`. */
function pathOf(node: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n.parentNode; n = n.parentNode) {
    path.push(indexOf(n));
  }
  return path.reverse();
}

/** Tree order of boundary points: a key is the container's path plus the offset. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export interface Shims {
  track(range: Range): void;
  /** Forget the tracked ranges (between pages). */
  reset(): void;
  restore(): void;
}

export function installDomShims(): Shims {
  let tracked = new Set<Range>();
  const originalSplitText = Text.prototype.splitText;
  const originalIntersectsNode = Range.prototype.intersectsNode;

  Text.prototype.splitText = function splitText(this: Text, offset: number): Text {
    const moves: Array<[Range, Node, number, Node, number]> = [];
    for (const r of tracked) {
      const moved =
        (r.startContainer === this && r.startOffset > offset) ||
        (r.endContainer === this && r.endOffset > offset);
      if (moved) {
        moves.push([r, r.startContainer, r.startOffset, r.endContainer, r.endOffset]);
      }
    }
    const created = originalSplitText.call(this, offset);
    for (const [r, sc, so, ec, eo] of moves) {
      const [ns, nso] = sc === this && so > offset ? [created, so - offset] : [sc, so];
      const [ne, neo] = ec === this && eo > offset ? [created, eo - offset] : [ec, eo];
      r.setEnd(ne, neo);
      r.setStart(ns, nso);
    }
    return created;
  };

  Range.prototype.intersectsNode = function intersectsNode(this: Range, node: Node): boolean {
    const parent = node.parentNode;
    if (!parent) return true;
    const parentPath = pathOf(parent);
    const index = indexOf(node);
    const start = [...pathOf(this.startContainer), this.startOffset];
    const end = [...pathOf(this.endContainer), this.endOffset];
    return (
      compareKeys([...parentPath, index], end) < 0 &&
      compareKeys([...parentPath, index + 1], start) > 0
    );
  };

  return {
    track: (range) => {
      tracked.add(range);
    },
    reset: () => {
      tracked = new Set();
    },
    restore: () => {
      Text.prototype.splitText = originalSplitText;
      Range.prototype.intersectsNode = originalIntersectsNode;
    },
  };
}
