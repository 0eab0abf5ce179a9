/** dom-anchor-text-quote ships no types: the part the benchmark uses. */
declare module 'dom-anchor-text-quote' {
  export interface TextQuoteSelector {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(
    root: Node,
    selector: TextQuoteSelector,
    options?: { hint?: number },
  ): Range | null;
}
