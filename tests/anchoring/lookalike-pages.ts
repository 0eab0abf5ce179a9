/**
 * Pages of the same site that are not the article but share its words: other Straits Times
 * articles about the same people, trade and places, each with a "Read more" box and a sidebar of
 * related stories whose teasers paraphrase the Trump-Xi call. Built on the site's real article
 * template (the "other article" fixture page), with the body, headline and boxes replaced.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const TEMPLATE = readFileSync(
  resolve(
    import.meta.dirname,
    '../fixtures/pages/www.straitstimes.com/world/united-states/us-senate-passes-stopgap-funding-bill.html',
  ),
  'utf8',
);

export interface LookalikePage {
  name: string;
  headline: string;
  standfirst: string;
  paragraphs: string[];
  readMore: string[];
  related: string[];
}

export const LOOKALIKE_PAGES: LookalikePage[] = [
  {
    name: 'another US trade story',
    headline: 'Trump says American farmers will gain from China deal as harvest sales lag',
    standfirst:
      'The White House is betting that Beijing’s promised farm purchases will lift rural incomes before the mid-term elections.',
    paragraphs: [
      'WASHINGTON – US President Donald Trump said on Nov 26 that American farmers would be the big winners of his trade arrangement with Beijing, even as shipments so far trail the volumes his officials promised.',
      'Speaking at the White House, Mr Trump said China had resumed purchases of soya beans and corn and would keep buying through the winter. The US leader added that he expected orders to double by the spring.',
      'Farm groups were more cautious. The American Soybean Association said exporters had booked only a fraction of the 12 million tonnes mentioned by the administration, and that prices remained below last year’s levels.',
      'The arrangement with Chinese President Xi Jinping also covers curbing shipments of illegal fentanyl across the Pacific, a commitment that US officials say they will judge by seizures at ports rather than by announcements.',
      'Analysts said the truce reached in October had calmed markets but left the harder questions, from chip export controls to the status of Taiwan, for later rounds of talks.',
      'Mr Trump, who has made the farm vote a priority, is expected to visit Iowa next month to promote the deal.',
    ],
    readMore: [
      'Trump says call with Xi was ‘very good’, talks covered soya beans and fentanyl',
      'US farm exports: what the latest shipping data says',
      'Chinese buyers return to US soya bean market after months away',
    ],
    related: [
      'Beijing says Taiwan is at the core of its relations with Washington',
      'Japan’s Takaichi stands by remarks on Taiwan despite Chinese pressure',
      'What the US-China truce means for Asian exporters',
    ],
  },
  {
    name: 'a Japan-China row story',
    headline: 'China tells its citizens to avoid Japan as row over Taiwan remarks deepens',
    standfirst:
      'Beijing has stepped up pressure on Tokyo after the Japanese leader spoke of a possible military response to an attack on Taiwan.',
    paragraphs: [
      'BEIJING – China on Nov 25 widened its campaign against Japan, adding cruise stopovers to a no-travel advisory and telling airlines to cut flights, as a row over Taiwan entered its third week.',
      'The dispute began when Japanese Prime Minister Sanae Takaichi told Parliament that a Chinese attack on Taiwan could amount to a situation threatening Japan’s survival, language that can justify a military response from Tokyo.',
      'Beijing views the island as its own territory and has demanded that Ms Takaichi withdraw the remarks. Tokyo has refused, saying its position on Taiwan has not changed.',
      'Chinese state media on Tuesday reported that US President Donald Trump and Chinese President Xi Jinping had discussed Taiwan in a phone call the previous day, without giving details of what the US side said.',
      'Japan is a key US ally in Asia, and officials in Tokyo said they had been briefed by Washington on the call.',
      'The row has already hit Japanese seafood exporters and film distributors, and tour operators in Osaka and Kyoto reported a wave of cancellations from mainland Chinese groups.',
    ],
    readMore: [
      'US President Donald Trump and Xi discuss trade, Taiwan in first call since truce',
      'Japan’s tourism sector braces for fewer visitors from mainland China',
      'Explainer: why Taiwan remarks by Japan’s leader angered Beijing',
    ],
    related: [
      'Chinese coast guard patrols near disputed islands, Japan says',
      'Takaichi’s approval rating holds steady despite China row',
      'Asian markets mixed as investors await US economic data',
    ],
  },
  {
    name: 'a markets story',
    headline: 'Soya bean futures climb as China books more US cargoes',
    standfirst:
      'Traders said fresh Chinese orders and a weaker dollar pushed prices to a six-week high.',
    paragraphs: [
      'CHICAGO – Soya bean futures rose for a third day on Nov 27 after exporters reported new sales to China, the latest sign that Beijing is following through on purchases promised under the trade truce agreed in October.',
      'The US Department of Agriculture confirmed sales of 264,000 tonnes for delivery to China, and private exporters said more deals were being negotiated. Purchases of soya beans and other farm products were a central part of the truce.',
      'That deal saw Washington lower tariffs on some Chinese goods, while Beijing agreed to suspend curbs on the export of rare earths for a year. Traders said any flare-up between the two sides could reverse the rally.',
      'Corn and wheat futures were little changed. Analysts said weather in Brazil, where the new soya bean crop is being planted, would matter more for prices in the coming weeks than US sales.',
      'Fund managers have cut bearish bets on soya beans for four straight weeks, data from the Commodity Futures Trading Commission showed.',
    ],
    readMore: [
      'Trump and Xi talk soya beans, fentanyl and Taiwan in phone call',
      'Rare earth stocks swing as investors weigh supply outlook',
      'China factory activity contracts for eighth month, survey shows',
    ],
    related: [
      'Curbing shipments of illegal fentanyl: what Washington wants from Beijing',
      'US President Donald Trump hails ‘very good’ call with China’s leader',
      'Brazil’s farmers plant record soya bean crop',
    ],
  },
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page as the site would serve it: the template with this story's text and boxes. */
export function lookalikeHtml(page: LookalikePage): string {
  let html = TEMPLATE;
  const swap = (pattern: RegExp, replacement: string) => {
    if (!pattern.test(html)) throw new Error(`template changed: ${pattern}`);
    html = html.replace(pattern, () => replacement);
  };
  swap(
    /<h1 class="headline">[^<]*<\/h1>/,
    `<h1 class="headline">${escapeHtml(page.headline)}</h1>`,
  );
  swap(
    /<p class="st-standfirst">[^<]*<\/p>/,
    `<p class="st-standfirst">${escapeHtml(page.standfirst)}</p>`,
  );
  swap(
    /<div class="st-body" id="article-body">[\s\S]*?<\/div>/,
    `<div class="st-body" id="article-body">\n${page.paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n')}\n</div>`,
  );
  swap(
    /<h3>Read more<\/h3>\s*<ul>[\s\S]*?<\/ul>/,
    `<h3>Read more</h3>\n<ul>\n${page.readMore
      .map((t, i) => `<li><a href="/asia/read-more-${i + 1}">${escapeHtml(t)}</a></li>`)
      .join('\n')}\n</ul>`,
  );
  swap(
    /<section><h3>Related stories<\/h3><ul>[\s\S]*?<\/ul><\/section>/,
    `<section><h3>Related stories</h3><ul>\n${page.related
      .map(
        (t, i) =>
          `<li><span class="kicker">World</span><a href="/asia/related-${i + 1}">${escapeHtml(t)}</a></li>`,
      )
      .join('\n')}\n</ul></section>`,
  );
  return html;
}
