/**
 * The recognition pipeline up to the engine, without a browser: the gate's read of a page
 * (content/gate-read.ts) turned into probe messages, answered by the background's probe sessions
 * over the catalogue index built from the real packs, as the build builds it.
 */
import { loadPacks } from '../../src/annotations/packs';
import { ProbeSessions } from '../../src/background/probe-sessions';
import { openingScope, PageRead, probeMetadata } from '../../src/content/gate-read';
import { catalogueArticle } from '../../src/detection/catalogue-build';
import { CatalogueIndex } from '../../src/detection/catalogue-index';
import { buildCatalogueIndex } from '../../src/detection/catalogue-index-build';
import { PROBE_MAX_CHARS } from '../../src/detection/probe';
import type { ProbeAnswer, ProbeMessage } from '../../src/messages/protocol';
import { fixtureDocument } from './fixture-dom';

export const realIndex = () =>
  new CatalogueIndex(buildCatalogueIndex(loadPacks().packs.map(catalogueArticle)));

/** Read a document as the gate does (in one go) and return the probes it would send. */
export function gateProbes(doc: Document, url: string, requested = false): ProbeMessage[] {
  const read = new PageRead(probeMetadata(doc, url), requested);
  const scope = openingScope(doc, read);
  if (scope) read.queue.push(scope);
  read.readSlice(Number.POSITIVE_INFINITY);
  read.collect();
  const probes: ProbeMessage[] = [];
  do {
    const text = read.take(PROBE_MAX_CHARS);
    probes.push({
      type: 'gloss/probe',
      doc: read.doc,
      seq: probes.length,
      url,
      ...(probes.length === 0 ? { meta: read.meta } : {}),
      text,
      requested,
      done: read.pending.length === 0,
    });
  } while (read.pending.length > 0);
  return probes;
}

/** The background's last answer to a page's probes (stops at the first candidate). */
export function answerProbes(probes: ProbeMessage[], sessions = new ProbeSessions(realIndex())) {
  let answer: ProbeAnswer = { verdict: 'none' };
  for (const probe of probes) {
    answer = sessions.answer('1', probe);
    if (answer.verdict !== 'none') break;
  }
  return answer;
}

/** The whole pipeline up to the engine on a fixture page. */
export function probeFixture(situation: string, requested = false): ProbeAnswer {
  const { doc, url } = fixtureDocument(situation);
  return answerProbes(gateProbes(doc, url, requested));
}
