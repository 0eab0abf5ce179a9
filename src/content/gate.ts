/**
 * The gate: the only Gloss code that runs on every page of a supported site. It holds no
 * catalogue. It reads the page's address, what the page says about itself (metadata.ts) and its
 * text, and asks the background, which holds the catalogue index, whether
 * this may be a known article (probe messages, messages/protocol.ts). On a candidate the
 * background injects the engine and the gate stops reading.
 *
 * What it reads: on a page that declares itself an article or a live page (og:type article,
 * JSON-LD NewsArticle, LiveBlogPosting…), the whole page, in slices; elsewhere only the opening
 * (OPENING_CHARS of text). While an article page fills in (late bodies, streamed text, infinite
 * scroll) a MutationObserver gathers what is added, and only that is read, at most every
 * THROTTLE_MS, in slices of at most SLICE_MS. Each probe carries the text read since
 * the last one; the background makes it into shingles, off the page's main thread.
 * A page that declares no article is read once its opening is there (an app shell is read as it
 * fills in); after that, and once the background names a candidate, the gate watches only for a
 * new address or a head that starts declaring an article (gate-watch.ts), so a section front's
 * ticker and comments cost it nothing. Single-page apps: a new URL starts a new read. The
 * reader's request (popup, context menu) starts a read of the whole page, wherever it is,
 * flagged `requested`.
 *
 * Its cost is recorded, in the benchmark's build only (timing.ts), as `gloss:gate` performance
 * measures: one per task; detail.totalMs is the running total, observer callbacks included.
 */
import { PROBE_MAX_CHARS } from '../detection/probe';
import type { ProbeAnswer, ProbeMessage } from '../messages/protocol';
import { sendProbe } from '../messages/send-probe';
import { GATE_HANDLE, GATE_REQUEST_FLAG } from '../messages/world-names';
import { extensionRuntimeAlive } from '../platform/native-runtime';
import { openingScope, PageRead, probeMetadata, SHELL_CHARS } from './gate-read';
import { PageWatch } from './gate-watch';
import { mark, measure } from './timing';

mark('gate-start');

/** Longest stretch of reading before the gate gives the main thread back. */
const SLICE_MS = 3;
/** How often new text is read at most: changes in between are gathered and read together. */
const THROTTLE_MS = 250;
/** While reading a long page, a probe goes out at most this often. */
const SEND_MS = 250;

const GATE_KEY = Symbol.for(GATE_HANDLE);
const REQUEST_KEY = Symbol.for(GATE_REQUEST_FLAG);
type GateWindow = typeof globalThis & {
  [GATE_KEY]?: { request(): void; alive(): boolean };
  [REQUEST_KEY]?: boolean;
};

const now = () => performance.now();

class Gate {
  private read: PageRead | null = null;
  private url = location.href;
  private records: MutationRecord[] = [];
  /** The head changed on a page that said it was no article: it may say so now. */
  private headChanged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sendQueued = false;
  private sending = false;
  private sendAgain = false;
  private lastSent = 0;
  private stopped = false;
  /** Main-thread time spent by the gate, and its longest task (ms), for the benchmark. */
  private totalMs = 0;
  private longestMs = 0;
  private readonly watch = new PageWatch((records) => this.onChange(records));

  /** `requestedOnly`: injected for the reader's request on a site Gloss does not run on itself. */
  constructor(private readonly requestedOnly: boolean) {}

  start(requested: boolean) {
    this.begin(requested);
  }

  /** The reader asked: read the whole page again, flagged. */
  request() {
    this.begin(true);
  }

  alive(): boolean {
    return !this.stopped && extensionRuntimeAlive();
  }

  private begin(requested: boolean) {
    const t0 = now();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.records = [];
    this.headChanged = false;
    this.url = location.href;
    const read = new PageRead(probeMetadata(document, this.url), requested);
    this.read = read;
    const scope = openingScope(document, read);
    if (scope) read.queue.push(scope);
    // Every change is read while the page fills in; see settle() for when that ends.
    if (!this.requestedOnly) this.watch.set('page');
    this.work(t0);
  }

  /** Read in slices; send what is new; come back for more until nothing is left. */
  private work(t0 = now()) {
    const read = this.read;
    if (!read || this.stopped || read.matched) return;
    const done = read.readSlice(t0 + SLICE_MS);
    if (done || now() - this.lastSent >= SEND_MS || read.seq === 0) {
      read.collect();
      this.sendSoon(read);
    }
    if (done) this.settle(read);
    this.account(t0);
    if (!done) setTimeout(() => this.work(), 0);
  }

  /**
   * After a read: a page that says it is no article, once its opening is there (more than an
   * app shell's few words), or a page read to its limit, is watched only for a move to another
   * address or a head that starts saying "article"; its body's churn is not read.
   */
  private settle(read: PageRead) {
    if (this.requestedOnly || read !== this.read) return;
    const opened = !read.requested && read.meta.kind === 'other' && read.chars >= SHELL_CHARS;
    if (opened || read.full) this.watch.set('address');
  }

  /**
   * Send from a task of its own: the browser serialises a message (and, the first time, sets up
   * its messaging in this world) in the sending task, which would lengthen the reading task.
   */
  private sendSoon(read: PageRead) {
    if (this.sendQueued) return;
    this.sendQueued = true;
    setTimeout(() => {
      this.sendQueued = false;
      if (this.stopped || read !== this.read || read.matched) return;
      const t0 = now();
      this.send(read);
      this.account(t0);
    }, 0);
  }

  private send(read: PageRead) {
    const finalAnswer = read.requested && read.idle && !read.doneSent;
    if (read.pending.length === 0 && read.seq > 0 && !finalAnswer) return;
    if (this.sending) {
      this.sendAgain = true;
      return;
    }
    const text = read.take(PROBE_MAX_CHARS);
    const done = read.idle && read.pending.length === 0;
    if (done && read.requested) read.doneSent = true;
    const message: ProbeMessage = {
      type: 'gloss/probe',
      doc: read.doc,
      seq: read.seq,
      url: this.url,
      ...(read.seq === 0 ? { meta: read.meta } : {}),
      text,
      requested: read.requested,
      done,
    };
    read.seq++;
    this.sending = true;
    this.lastSent = now();
    if (read.seq === 1) mark('gate-probe');
    sendProbe(message).then(
      (answer: unknown) => {
        this.sending = false;
        this.onAnswer(read, answer as ProbeAnswer | null);
      },
      () => this.stop(), // The extension was reloaded or removed: this gate is stale.
    );
  }

  private onAnswer(read: PageRead, answer: ProbeAnswer | null) {
    if (read !== this.read) return;
    if (answer?.verdict === 'candidate') {
      read.matched = true;
      mark('gate-candidate');
      // The engine watches the article from here; the gate only follows the address.
      if (this.requestedOnly) this.stop();
      else this.watch.set('address');
      return;
    }
    if (answer?.verdict === 'resend') {
      // The background restarted and lost this page's count: read the page again.
      this.sendAgain = false;
      this.begin(read.requested);
      return;
    }
    const again = this.sendAgain;
    this.sendAgain = false;
    if (again || read.pending.length > 0) this.send(read);
    else if (read.doneSent && this.requestedOnly) this.stop();
  }

  /** Observer records (null: a URL event): gather them, and look again after THROTTLE_MS. */
  private onChange(records: MutationRecord[] | null) {
    const t0 = now();
    const read = this.read;
    if (location.href !== this.url) {
      // A single-page app moved to another page: read it afresh, once its head has settled.
      this.schedule();
    } else if (records && read && !read.matched) {
      if (this.watch.mode === 'page' && !read.full) for (const r of records) this.records.push(r);
      if (!read.requested && read.meta.kind === 'other' && records.some(inHead))
        this.headChanged = true;
      if (this.records.length > 0 || this.headChanged) this.schedule();
    }
    this.account(t0);
  }

  private schedule() {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) this.afterChanges();
    }, THROTTLE_MS);
  }

  /** A new address, or a head that now says "article", starts a new read; else read the changes. */
  private afterChanges() {
    if (location.href !== this.url) return this.begin(false);
    const t0 = now();
    if (this.headChanged) {
      this.headChanged = false;
      if (probeMetadata(document, this.url).kind !== 'other') return this.begin(false);
    }
    this.readChanges(t0);
  }

  /** Queue what the page added or changed since the last read, then read it. */
  private readChanges(t0: number) {
    const read = this.read;
    const records = this.records;
    this.records = [];
    if (!read || read.matched || records.length === 0) return this.account(t0);
    for (const r of records) {
      if (r.type === 'characterData') {
        // Text that grew or changed in place (streamed): read it again.
        read.seen.delete(r.target as Text);
        if (r.target.isConnected) read.queue.push(r.target);
        continue;
      }
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE)
          read.queue.push(node);
      }
    }
    this.work(t0);
  }

  private account(t0: number) {
    const ms = now() - t0;
    this.totalMs += ms;
    if (ms > this.longestMs) this.longestMs = ms;
    measure('gate', {
      start: t0,
      end: t0 + ms,
      detail: { totalMs: this.totalMs, longestMs: this.longestMs },
    });
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.watch.stop();
  }
}

const inHead = (r: MutationRecord) => document.head?.contains(r.target) === true;

function main() {
  const w = globalThis as GateWindow;
  const requested = w[REQUEST_KEY] === true;
  delete w[REQUEST_KEY];
  const existing = w[GATE_KEY];
  if (existing?.alive()) {
    // Injected again (after an extension reload in Firefox, or for a request): one gate a page.
    if (requested) existing.request();
    return;
  }
  // Without a request, this gate was loaded by the manifest on a supported site: it stays.
  const gate = new Gate(requested);
  w[GATE_KEY] = { request: () => gate.request(), alive: () => gate.alive() };
  gate.start(requested);
}

main();
