/**
 * A generated catalogue for the scale benchmark (issue #16): N article packs with realistic
 * news texts and compact annotations, spread over about 50 hosts, the real pack among them.
 * Seeded and pure: article `i` of a catalogue is the same whatever its size, so the sizes nest
 * (the 1 000 packs are the first 1 000 of the 10 000).
 *
 * The people, organisations and places are invented (so the data asserts nothing about anyone
 * real), the hosts are under the reserved `.example` top-level domain and every article id starts
 * with GENERATED_ID_PREFIX: nothing generated can be mistaken for a real pack, and a test checks
 * that none of it reaches the build for users.
 */
import type {
  Claim,
  Entity,
  EntityKind,
  Mention,
  MentionForm,
  Pack,
  Site,
} from '../../src/annotations/model';
import { canonicalText, PARAGRAPH_SEPARATOR, targetAt } from '../../src/annotations/text';
import { rng } from './generate';

export const GENERATED_ID_PREFIX = 'bench-gen-';
export const GENERATED_TLD = '.example';
/** Catalogue sizes the scale benchmark measures (100 000 only if it builds in reasonable time). */
export const CATALOGUE_SIZES = [1, 1_000, 10_000, 100_000] as const;
/** Hosts in all, the real pack's three among them. */
export const HOST_COUNT = 50;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PAPER_WORDS = [
  'Herald',
  'Courier',
  'Gazette',
  'Observer',
  'Ledger',
  'Chronicle',
  'Tribune',
  'Dispatch',
  'Examiner',
  'Sentinel',
  'Post',
  'Record',
  'Standard',
  'Journal',
  'Monitor',
  'Review',
];
const PAPER_PLACES = [
  'Northvale',
  'Eastmoor',
  'Harbourton',
  'Kestrel Bay',
  'Lowmarsh',
  'Redfield',
  'Stonebridge',
  'Westerly',
  'Ashcombe',
  'Brackenridge',
  'Cold Harbour',
  'Dunmere',
  'Fairhaven',
  'Glenwick',
];

/** The generated hosts (HOST_COUNT minus the real pack's), deterministic. */
export function generatedSites(realHosts: number): Site[] {
  const r = rng(4242);
  const out: Site[] = [];
  const seen = new Set<string>();
  while (out.length < HOST_COUNT - realHosts) {
    const name = `The ${pick(r, PAPER_PLACES)} ${pick(r, PAPER_WORDS)}`;
    const slug = name
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/[^a-z]+/g, '');
    if (seen.has(slug)) continue;
    seen.add(slug);
    const host = `www.${slug}${GENERATED_TLD}`;
    out.push({
      host,
      name,
      matches: [`https://${host}/*`],
      urls: [],
      style: r() < 0.6 ? 'uk' : 'us',
    });
  }
  return out;
}

// Invented names: first × last gives a few thousand people, enough that articles rarely share one.
const FIRST = [
  'Amara',
  'Bertil',
  'Caius',
  'Delphine',
  'Eamon',
  'Farida',
  'Gideon',
  'Hestia',
  'Ines',
  'Jorunn',
  'Kaveh',
  'Liesl',
  'Marek',
  'Nadia',
  'Oren',
  'Petra',
  'Quentin',
  'Rosalind',
  'Soren',
  'Tamsin',
  'Ulrich',
  'Vesna',
  'Wendell',
  'Xiomara',
  'Yusuf',
  'Zelda',
  'Anselm',
  'Brigid',
  'Cosmo',
  'Dagny',
  'Elio',
  'Fenna',
  'Gustavo',
  'Hana',
  'Idris',
  'Jolene',
  'Kasimir',
  'Lorna',
  'Mattias',
  'Noor',
];
const LAST = [
  'Achterberg',
  'Blackwood',
  'Castellane',
  'Drummond',
  'Eskildsen',
  'Fairbairn',
  'Galloway',
  'Halvorsen',
  'Ingleby',
  'Jablonski',
  'Kettering',
  'Lindqvist',
  'Marchetti',
  'Nakamura-Reyes',
  'Oyelaran',
  'Pemberton',
  'Quaresma',
  'Rasmussen',
  'Szabo',
  'Thorne',
  'Underhill',
  'Valdivia',
  'Whitlock',
  'Yamashiro',
  'Zielinski',
  'Abernathy',
  'Beaumont',
  'Cordeiro',
  'Delacroix-Mbeki',
  'Ferreira',
  'Grimaldi',
  'Hollis',
  'Ivanova',
  'Jansen',
  'Kowalczyk',
  'Lachance',
  'Moreau',
];
const TITLES = [
  'Finance Minister',
  'Trade Minister',
  'Governor',
  'Mayor',
  'chief executive',
  'central bank chief',
  'Foreign Minister',
  'opposition leader',
  'Prime Minister',
  'union leader',
  'Health Minister',
];
const COUNTRIES = [
  'Veloria',
  'Castamar',
  'Northreach',
  'Ostrevia',
  'Palundra',
  'Quillon',
  'Rhovania',
  'Sarento',
  'Tessaly',
  'Umbria Nova',
  'Valdemar',
  'Westmarch',
  'Yarrowland',
  'Zembla',
  'Arcadia Minor',
];
const DEMONYMS: Record<string, string> = {
  Veloria: 'Velorian',
  Castamar: 'Castamaran',
  Northreach: 'Northreach',
  Ostrevia: 'Ostrevian',
  Palundra: 'Palundran',
  Quillon: 'Quillonese',
  Rhovania: 'Rhovanian',
  Sarento: 'Sarentine',
  Tessaly: 'Tessalian',
  'Umbria Nova': 'Umbrian',
  Valdemar: 'Valdemaran',
  Westmarch: 'Westmarcher',
  Yarrowland: 'Yarrowlander',
  Zembla: 'Zemblan',
  'Arcadia Minor': 'Arcadian',
};
const CITIES = [
  'Port Amsel',
  'Kirrin',
  'Saltmarsh',
  'New Tavira',
  'Halden Cross',
  'Obermark',
  'Lisk',
  'Ferro Bay',
  'Grantly',
  'Esterhaven',
  'Mirefield',
  'Tolvik',
  'Caradoc',
  'Ruswick',
];
const ORG_KINDS = [
  'Ministry of Trade',
  'Ministry of Finance',
  'Port Authority',
  'Central Bank',
  'Shipping Board',
  'Farmers Union',
  'Energy Agency',
  'Competition Commission',
  'Statistics Office',
  'Chamber of Commerce',
];
const COMPANIES = [
  'Halcyon Freight',
  'Brightwater Mining',
  'Corvid Semiconductors',
  'Ardent Foods',
  'Lumen Grid',
  'Northstar Shipping',
  'Pellucid Pharma',
  'Quarry Hill Steel',
  'Tessellate Software',
  'Verdant Agri',
  'Oakmont Capital',
  'Saffron Airlines',
  'Ironbark Rail',
  'Meridian Telecom',
  'Solace Insurance',
];
const THINGS = [
  'rice exports',
  'copper cathodes',
  'container fees',
  'wind turbines',
  'fertiliser prices',
  'battery cells',
  'wheat futures',
  'fishing quotas',
  'diesel subsidies',
  'memory chips',
  'coal shipments',
  'palm oil',
  'bond yields',
  'rail freight',
  'vaccine supplies',
  'water rights',
];
const VERBS_SAID = [
  'said',
  'told reporters',
  'said in a statement',
  'told parliament',
  'wrote in a post',
];
const MOVES = [
  'would raise',
  'plans to cut',
  'has agreed to review',
  'will suspend',
  'is expected to extend',
  'could double',
  'has pledged to cap',
  'intends to phase out',
  'may delay',
  'is set to lift',
];
const REASONS = [
  'after months of talks',
  'as prices climbed for a third quarter',
  'to ease pressure on households',
  'following complaints from exporters',
  'in response to a drought in the south',
  'ahead of elections next year',
  'after a court ruling last month',
  'to meet a deficit target',
  'amid a dispute over port access',
  'as demand from abroad weakened',
];
const WHEN = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'over the weekend',
  'earlier this month',
  'last week',
  'in March',
  'in September',
  'by the end of the year',
];
const UNITS = ['per cent', 'billion dollars', 'million tonnes', 'basis points', 'million people'];

interface Ctx {
  r: () => number;
  text: string[];
  /** Spans to annotate: [paragraph, start in paragraph, end, entity key]. */
  mentions: Array<{ p: number; start: number; end: number; key: string; form: MentionForm }>;
  claims: Array<{ p: number; start: number; end: number; speaker: string }>;
  entities: Map<string, { kind: EntityKind; name: string; role?: string }>;
}

/** Appends `s` to paragraph `p` and returns its start offset there. */
function put(ctx: Ctx, p: number, s: string): number {
  const at = (ctx.text[p] as string).length;
  ctx.text[p] += s;
  return at;
}

function mention(ctx: Ctx, p: number, s: string, key: string, kind: EntityKind, form: MentionForm) {
  const at = put(ctx, p, s);
  ctx.mentions.push({ p, start: at, end: at + s.length, key, form });
  if (!ctx.entities.has(key)) ctx.entities.set(key, { kind, name: s });
}

/** One paragraph of two to four sentences of the article's cast doing things to its topics. */
function paragraph(ctx: Ctx, p: number, cast: Cast) {
  const { r } = ctx;
  const sentences = int(r, 2, 4);
  for (let s = 0; s < sentences; s++) {
    if (s > 0) put(ctx, p, ' ');
    const person = pick(r, cast.people);
    const thing = pick(r, cast.things);
    const figure = `${int(r, 2, 98)}${r() < 0.4 ? `.${int(r, 1, 9)}` : ''} ${pick(r, UNITS)}`;
    switch (int(r, 0, 4)) {
      case 0: {
        // A claim: "<Person> said <the org> <move> <thing> by <figure> <reason>."
        const claimStart = (ctx.text[p] as string).length;
        mention(ctx, p, person.short, person.key, 'person', 'honorific');
        put(ctx, p, ` ${pick(r, VERBS_SAID)} ${pick(r, WHEN)} that `);
        const said = (ctx.text[p] as string).length;
        put(ctx, p, 'the ');
        mention(ctx, p, cast.org.name, cast.org.key, 'organisation', 'name');
        put(ctx, p, ` ${pick(r, MOVES)} `);
        mention(ctx, p, thing, `thing:${thing}`, 'thing', 'name');
        put(ctx, p, ` by ${figure} ${pick(r, REASONS)}.`);
        const end = (ctx.text[p] as string).length - 1;
        ctx.claims.push({ p, start: said, end, speaker: person.key });
        void claimStart;
        break;
      }
      case 1: {
        put(ctx, p, `${pick(r, ['Figures', 'Data', 'Estimates'])} from the `);
        mention(ctx, p, cast.agency.name, cast.agency.key, 'organisation', 'name');
        put(
          ctx,
          p,
          ` showed ${thing} ${pick(r, ['rose', 'fell', 'held at', 'slipped to', 'jumped to'])} ${figure} ${pick(r, WHEN)}, the ${pick(r, ['highest', 'lowest', 'first change', 'sharpest move'])} since ${int(r, 1998, 2024)}.`,
        );
        break;
      }
      case 2: {
        put(ctx, p, `In `);
        mention(ctx, p, cast.city, `place:${cast.city}`, 'place', 'name');
        put(
          ctx,
          p,
          `, ${pick(r, ['traders', 'officials', 'residents', 'analysts', 'shipping agents'])} said ${thing} had ${pick(r, ['become harder to find', 'doubled in price', 'piled up at the docks', 'drawn new buyers', 'slowed to a trickle'])} ${pick(r, REASONS)}.`,
        );
        break;
      }
      case 3: {
        put(ctx, p, '“');
        const q0 = (ctx.text[p] as string).length;
        put(
          ctx,
          p,
          `We ${pick(r, ['cannot wait any longer for', 'will not accept', 'are ready to discuss', 'have no choice but to act on', 'welcome any progress on'])} ${thing} ${pick(r, ['forever', 'on these terms', 'with our neighbours', 'this year', 'without a plan'])}`,
        );
        const q1 = (ctx.text[p] as string).length;
        put(ctx, p, ',” ');
        mention(ctx, p, person.short, person.key, 'person', 'honorific');
        put(ctx, p, ` said.`);
        ctx.claims.push({ p, start: q0, end: q1, speaker: person.key });
        break;
      }
      default: {
        mention(ctx, p, cast.company, `org:${cast.company}`, 'organisation', 'name');
        put(
          ctx,
          p,
          `, which ${pick(r, ['employs', 'supplies', 'ships for', 'insures'])} ${int(r, 2, 90)},000 ${pick(r, ['workers', 'farmers', 'customers', 'households'])} in `,
        );
        mention(ctx, p, cast.country, `place:${cast.country}`, 'place', 'name');
        put(
          ctx,
          p,
          `, ${pick(r, ['declined to comment', 'said it was studying the plan', 'warned of job losses', 'backed the move'])}.`,
        );
      }
    }
  }
}

interface Cast {
  people: Array<{ key: string; full: string; short: string; title: string }>;
  org: { key: string; name: string };
  agency: { key: string; name: string };
  company: string;
  country: string;
  city: string;
  things: string[];
}

function castFor(r: () => number): Cast {
  const country = pick(r, COUNTRIES);
  const demonym = DEMONYMS[country] ?? country;
  const people = [0, 1, 2].map(() => {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const title = pick(r, TITLES);
    return {
      key: `person:${first}-${last}`.toLowerCase(),
      full: `${demonym} ${title} ${first} ${last}`,
      short: `${pick(r, ['Mr', 'Ms', 'Dr'])} ${last}`,
      title,
    };
  });
  const orgName = `${demonym} ${pick(r, ORG_KINDS)}`;
  let agency = `${demonym} ${pick(r, ORG_KINDS)}`;
  if (agency === orgName) agency = `${demonym} Statistics Office`;
  const things = [pick(r, THINGS), pick(r, THINGS)];
  return {
    people,
    org: { key: `org:${orgName}`, name: orgName },
    agency: { key: `org:${agency}`, name: agency },
    company: pick(r, COMPANIES),
    country,
    city: pick(r, CITIES),
    things,
  };
}

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/**
 * Generated article `i` (0-based) of the catalogue with seed `seed`: 6 to 14 paragraphs (a
 * standfirst first), entity mentions of everyone and everything named, and a claim per reported
 * statement or quotation. About 3 to 7 KB of text, like a wire story.
 */
export function generatedPack(i: number, sites: readonly Site[], seed = 16): Pack {
  const r = rng((seed * 0x9e3779b1 + i * 0x85ebca6b) >>> 0);
  const cast = castFor(r);
  const lead = cast.people[0] as Cast['people'][number];
  const headline = `${lead.full.replace(/^\S+ /, '')} ${pick(r, MOVES).replace(/^(would|will|could|may|is set to|is expected to|has agreed to|has pledged to|plans to|intends to) /, '')}s ${cast.things[0]} ${pick(r, REASONS)}`;
  const paragraphs = int(r, 6, 14);
  const ctx: Ctx = { r, text: [], mentions: [], claims: [], entities: new Map() };
  for (let p = 0; p < paragraphs; p++) ctx.text.push('');
  // The standfirst names the lead person in full, as wire stories do.
  mention(ctx, 0, lead.full, lead.key, 'person', 'title-and-name');
  put(
    ctx,
    0,
    ` ${pick(r, MOVES)} ${cast.things[0]} ${pick(r, REASONS)}, ${pick(r, ['raising questions about', 'in a move that could reshape', 'testing'])} ${pick(r, ['the budget', 'relations with its neighbours', 'the coalition', 'the export trade'])}.`,
  );
  for (let p = 1; p < paragraphs; p++) paragraph(ctx, p, cast);
  const site = sites[i % sites.length] as Site;
  const id = `${GENERATED_ID_PREFIX}${String(i).padStart(6, '0')}`;
  const url = `https://${site.host}/${pick(r, ['world', 'business', 'politics', 'economy'])}/${slugOf(headline)}-${i}`;
  const article: Pack['article'] = {
    id,
    headline,
    standfirst: ctx.text[0] as string,
    language: 'en',
    published: {
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}`,
      precision: 'month',
      note: 'Generated for the benchmark.',
    },
    publisher: site.name,
    canonicalUrl: url,
    sites: [{ ...site, urls: [url] }],
    text: {
      paragraphs: ctx.text.map((text, p) => ({
        id: `p${p}`,
        role: p === 0 ? 'standfirst' : 'body',
        text,
      })),
    },
  };
  const full = canonicalText(article);
  const starts: number[] = [];
  let at = 0;
  for (const t of ctx.text) {
    starts.push(at);
    at += t.length + PARAGRAPH_SEPARATOR.length;
  }
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  let n = 0;
  for (const m of ctx.mentions) {
    let e = byKey.get(m.key);
    if (!e) {
      const info = ctx.entities.get(m.key) as { kind: EntityKind; name: string };
      const person = cast.people.find((x) => x.key === m.key);
      e = {
        id: `e${byKey.size + 1}`,
        kind: info.kind,
        name: person ? person.full.split(' ').slice(-2).join(' ') : info.name,
        ...(person ? { role: person.title } : {}),
        description: person ? `${person.title}, named in the article.` : `Named in the article.`,
        mentions: [],
      };
      byKey.set(m.key, e);
      entities.push(e);
    }
    const s = (starts[m.p] as number) + m.start;
    const mentionOut: Mention = {
      id: `m${++n}`,
      target: targetAt(full, s, (starts[m.p] as number) + m.end),
      form: m.form,
    };
    e.mentions.push(mentionOut);
  }
  const claims: Claim[] = ctx.claims.map((c, k) => ({
    id: `c${k + 1}`,
    kind: 'commitment',
    target: targetAt(full, (starts[c.p] as number) + c.start, (starts[c.p] as number) + c.end),
    speaker: { type: 'entity', entity: (byKey.get(c.speaker) as Entity).id },
    attribution: 'reported-speech',
    involves: [(byKey.get(c.speaker) as Entity).id],
    topics: [],
  }));
  return { schemaVersion: 1, article, entities, claims, timeline: [], topics: [], exclusions: [] };
}

/**
 * A catalogue of `size` packs: the real pack first, then generated ones over the real sites
 * and the generated hosts (HOST_COUNT hosts in all).
 */
export function* catalogue(size: number, real: Pack, seed = 16): Generator<Pack> {
  if (size <= 0) return;
  yield real;
  const sites = [
    ...real.article.sites.map((s) => ({ ...s, urls: [] })),
    ...generatedSites(real.article.sites.length),
  ];
  for (let i = 1; i < size; i++) yield generatedPack(i, sites, seed);
}
