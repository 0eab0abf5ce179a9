/**
 * The background's answer to the gate's probes (pure: no browser APIs). A page's gate reads the
 * page a little at a time and sends the text it read since its last probe, made into shingles
 * here (detection/probe-text.ts) so the page's main thread does not; the counts of lead shingles
 * per article add up here, per document, until one article has enough (or the page turns out to be a known address).
 * A background that slept lost its sessions: it asks the gate to read the page again.
 */
import type { CatalogueIndex } from '../detection/catalogue-index';
import type { RecognisedBy } from '../detection/detect';
import { newProbeShingles } from '../detection/probe-text';
import type { ProbeAnswer, ProbeMessage } from '../messages/protocol';

interface Session {
  doc: string;
  nextSeq: number;
  hits: Map<number, number>;
  /** The probe shingles of the page counted so far (text read again adds nothing). */
  counted: Set<number>;
  /** The article the page's headline names, if any (weaker than its text or address). */
  headline: number | null;
}

/** Sessions kept at most (a tab each, usually); the oldest go first. */
const MAX_SESSIONS = 64;

export class ProbeSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly index: CatalogueIndex) {}

  /** `key` names the page's frame (tab and frame id). */
  answer(key: string, probe: ProbeMessage): ProbeAnswer {
    let session = this.sessions.get(key);
    if (probe.seq === 0) {
      session = {
        doc: probe.doc,
        nextSeq: 0,
        hits: new Map(),
        counted: new Set(),
        headline: null,
      };
      this.sessions.delete(key);
      this.sessions.set(key, session);
      while (this.sessions.size > MAX_SESSIONS) {
        const oldest = this.sessions.keys().next().value as string;
        this.sessions.delete(oldest);
      }
    }
    if (!session || session.doc !== probe.doc || session.nextSeq !== probe.seq)
      return { verdict: 'resend' };
    session.nextSeq++;

    const { index } = this;
    if (probe.meta) {
      const byUrl = index.byAddress(probe.url);
      if (byUrl !== null) return this.found(key, byUrl, 'url');
      const { canonical, ogUrl, jsonLdUrl } = probe.meta;
      for (const url of [canonical, ogUrl, jsonLdUrl]) {
        const n = index.byAddress(url);
        if (n !== null) return this.found(key, n, 'metadata');
      }
      session.headline = index.byHeadline(probe.meta.titles);
    }
    index.addLeadHits(newProbeShingles(probe.text, session.counted), session.hits);
    const text = index.bestByText(session.hits, probe.requested);
    if (text) return this.found(key, text.article, 'text');
    if (session.headline !== null) return this.found(key, session.headline, 'headline');
    return { verdict: 'none' };
  }

  forget(key: string): void {
    this.sessions.delete(key);
  }

  private found(key: string, article: number, by: RecognisedBy): ProbeAnswer {
    this.sessions.delete(key);
    return { verdict: 'candidate', articleId: this.index.idOf(article), by };
  }
}
