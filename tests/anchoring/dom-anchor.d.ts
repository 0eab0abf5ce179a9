/**
 * dom-anchor-text-quote and dom-anchor-text-position (the older Hypothesis client's selector
 * libraries) ship no types: the parts foreign-selectors.test.ts uses to describe a range the way
 * that client did. (bench/types.d.ts declares the part of dom-anchor-text-quote the benchmark uses.)
 */
declare module 'dom-anchor-text-quote' {
  export function fromRange(
    root: Node,
    range: Range,
  ): { exact: string; prefix: string; suffix: string };
}

declare module 'dom-anchor-text-position' {
  export function fromRange(root: Node, range: Range): { start: number; end: number };
}
