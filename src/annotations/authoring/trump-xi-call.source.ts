/**
 * Authoring source of the pack `2025-11-24-trump-xi-call`: the article text (copied verbatim from
 * the seed text, so the project does not depend on it) and its annotations, located by quote.
 * Compile with `npx tsx src/annotations/authoring/generate.ts`.
 */
import type { Article, Paragraph, Speaker } from '../model';
import { all, type PackSource } from './builder';

const paragraphs: Paragraph[] = [
  {
    id: 'p0',
    role: 'standfirst',
    text: 'US President Donald Trump described his phone call with Chinese President Xi Jinping as “very good”, saying they spoke about purchases of soya beans and curbing shipments of illegal fentanyl.',
  },
  {
    id: 'p1',
    role: 'body',
    text: '– US President Donald Trump and Chinese President Xi Jinping on Nov 24 held their first talks since agreeing to a tariff truce in October, discussing trade, Taiwan and Russia’s invasion of Ukraine.',
  },
  {
    id: 'p2',
    role: 'body',
    text: 'Mr Trump said the telephone call was “very good” and that the leaders spoke about purchases of soya beans and other farm products as well as curbing shipments of illegal fentanyl.',
  },
  {
    id: 'p3',
    role: 'body',
    text: 'The US leader added that he agreed to visit Beijing in April and had invited Mr Xi for a state visit in 2026.',
  },
  {
    id: 'p4',
    role: 'body',
    text: '“Our relationship with China is extremely strong!” Mr Trump posted on social media. “There has been significant progress on both sides in keeping our agreements current and accurate. Now we can set our sights on the big picture.”',
  },
  {
    id: 'p5',
    role: 'body',
    text: 'Mr Xi told Mr Trump that the return of Taiwan to China is a key part of the post-World War II international order, according to a Chinese Foreign Ministry statement.',
  },
  {
    id: 'p6',
    role: 'body',
    text: 'The Chinese leader also said the two countries should maintain the positive momentum generated during their October meeting in South Korea and expand cooperation, the statement said.',
  },
  {
    id: 'p7',
    role: 'body',
    text: 'They also spoke about Russia’s invasion of Ukraine, and Mr Xi expressed hope for the two sides to reach a binding peace agreement, the ministry said.',
  },
  {
    id: 'p8',
    role: 'body',
    text: 'An ongoing row between Japan and China centred on Taiwan threatens to inject fresh tension into the Trump-Xi relationship and complicate ties, after the world’s two largest economies reached a trade truce in October. Japan is a key US ally in Asia.',
  },
  {
    id: 'p9',
    role: 'body',
    text: 'That deal saw Washington lower fentanyl-related tariffs on Chinese goods and Beijing agree to remove certain restrictions on the export of rare earths. Any flare-up between the US and China could cause further uncertainty for markets and business leaders.',
  },
  {
    id: 'p10',
    role: 'body',
    text: 'New Japanese Prime Minister Sanae Takaichi said earlier in November that a hypothetical Chinese attack on Taiwan could result in a military response from Tokyo. Beijing views the island as its own territory and has denounced Ms Takaichi’s remarks, demanding a retraction.',
  },
  {
    id: 'p11',
    role: 'body',
    text: 'Since then, China has issued a no-travel advisory for Japan, suspended the screening of some Japanese films and banned the import of Japanese seafood. Both countries have also stepped up military drills, with China announcing patrols in the East China Sea and Japan announcing plans to deploy missiles to an area near Taiwan.',
  },
  {
    id: 'p12',
    role: 'body',
    text: 'Mr Trump said in a Nov 2 interview with CBS News’ 60 Minutes that Mr Xi “understands the answer to that” when asked if US forces would come to the defence of Taiwan in the event of a Chinese attack. The US leader said the subject did not come up during their meeting in October.',
  },
  { id: 'p13', role: 'subheading', text: 'Trade terms' },
  {
    id: 'p14',
    role: 'body',
    text: 'The US and China are still negotiating key details over how Beijing will free up sales of rare earths, according to people familiar with the matter. The two nations aim to agree on terms for “general licences” that China pledged to offer for US-bound exports of rare earths and critical minerals by the end of November.',
  },
  {
    id: 'p15',
    role: 'body',
    text: 'Despite ongoing talks over the materials, which are critical to the manufacture of high-tech electronics, remaining in limbo, the US has already moved to roll back tariffs and national security measures. Shortfalls in rare earth supplies have left global industries - including autos, consumer goods and robotics – at risk of disruptions.',
  },
  {
    id: 'p16',
    role: 'body',
    text: 'The discussion also comes as the Trump administration is again weighing whether to allow the sale of more advanced artificial intelligence chips to Beijing.',
  },
  {
    id: 'p17',
    role: 'body',
    text: 'Mr Trump had floated the possibility before his October meeting with Mr Xi, but the two leaders ultimately did not discuss the issue. Some Trump advisers have warned that potential sales could risk ceding the US’ advantage in the emerging technology.',
  },
  {
    id: 'p18',
    role: 'body',
    text: 'The US President is hearing from “lots of different advisers” in deciding whether to approve future exports, Commerce Secretary Howard Lutnick said on Nov 24 in a Bloomberg Television interview.',
  },
  {
    id: 'p19',
    role: 'body',
    text: '“That kind of decision sits right on the desk of Donald Trump,” Mr Lutnick said. “He will decide whether we go forward with that or not.”',
  },
  {
    id: 'p20',
    role: 'body',
    text: 'Mr Trump also said on Nov 14 that the US was talking to the Chinese government about increasing purchases of American soya beans, another provision of the agreement.',
  },
  {
    id: 'p21',
    role: 'body',
    text: '“They’re in the process of doing it,” Mr Trump said. “We spoke to them today. They’re in the process. We’re doing not only a little bit, but they’ll be doing a lot of soya bean purchase.” BLOOMBERG',
  },
];

export const article: Article = {
  id: '2025-11-24-trump-xi-call',
  headline: 'China’s Xi tells Trump Taiwan’s return key to post-war order, Xinhua reports',
  headlineNote:
    'Reconstructed from the Straits Times URL slug "chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports"; capitalisation and apostrophes are inferred. The slug credits Xinhua, while the article text cites a Chinese Foreign Ministry statement.',
  standfirst: paragraphs[0]?.text ?? '',
  language: 'en',
  published: {
    date: '2025-11',
    precision: 'month',
    note: 'Not stated in the text. Inferred: the story reports the Nov 24, 2025 call and a Nov 24 interview as past events, refers to remarks made "earlier in November" and to a deadline "by the end of November" still to come, so it was published in late November 2025, on or after Nov 24 (most likely Nov 24 or 25, Singapore time). The exact day is not known.',
  },
  wireCredit: 'Bloomberg',
  publisher: 'The Straits Times',
  canonicalUrl:
    'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports',
  sites: [
    {
      host: 'www.straitstimes.com',
      name: 'The Straits Times',
      matches: ['https://www.straitstimes.com/*'],
      urls: [
        'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports',
      ],
      style: 'uk',
    },
    {
      host: 'www.businesstimes.com.sg',
      name: 'The Business Times',
      matches: ['https://www.businesstimes.com.sg/*'],
      urls: [],
      style: 'uk',
    },
    {
      host: 'www.bloomberg.com',
      name: 'Bloomberg',
      matches: ['https://www.bloomberg.com/*'],
      urls: [],
      style: 'us',
    },
  ],
  text: { paragraphs },
};

const reporter: Speaker = { type: 'reporter' };
const trump: Speaker = { type: 'entity', entity: 'trump' };
const xi: Speaker = { type: 'entity', entity: 'xi' };
const lutnick: Speaker = { type: 'entity', entity: 'lutnick' };
const ministryStatement = {
  medium: 'Chinese Foreign Ministry statement',
  date: { value: '2025-11-24', precision: 'day' as const },
  via: 'chinese-foreign-ministry',
};

export const source: PackSource = {
  article,
  entities: [
    // People
    {
      id: 'trump',
      kind: 'person',
      name: 'Donald Trump',
      role: 'US President',
      description:
        'US President. Spoke with Mr Xi by phone on Nov 24; agreed to visit Beijing in April and invited Mr Xi for a state visit in 2026.',
      mentions: [
        ['title-and-name', all('US President Donald Trump')],
        ['honorific', all('Mr Trump')],
        ['reference', all('The US leader')],
        ['title', 'The US President'],
        ['name', all('Donald Trump')],
        ['name', all('Trump')],
      ],
      note: 'Pronouns ("he", "his") are not mentions. "Trump" inside "Trump-Xi relationship", "Trump administration" and "Some Trump advisers" is a mention of him (name).',
    },
    {
      id: 'xi',
      kind: 'person',
      name: 'Xi Jinping',
      role: 'Chinese President',
      description:
        'Chinese President. Spoke with Mr Trump by phone on Nov 24, their first talks since their October meeting in South Korea.',
      mentions: [
        ['title-and-name', all('Chinese President Xi Jinping')],
        ['honorific', all('Mr Xi')],
        ['reference', 'The Chinese leader'],
        ['name', { exact: 'Xi', within: 'Trump-Xi' }],
      ],
    },
    {
      id: 'lutnick',
      kind: 'person',
      name: 'Howard Lutnick',
      role: 'Commerce Secretary',
      description:
        'Commerce Secretary. Spoke about decisions on AI chip exports in a Bloomberg Television interview on Nov 24.',
      mentions: [
        ['title-and-name', 'Commerce Secretary Howard Lutnick'],
        ['honorific', 'Mr Lutnick'],
      ],
    },
    {
      id: 'takaichi',
      kind: 'person',
      name: 'Sanae Takaichi',
      role: 'Japanese Prime Minister',
      description:
        'New Japanese Prime Minister. Said earlier in November that a hypothetical Chinese attack on Taiwan could result in a military response from Tokyo; Beijing has denounced the remarks.',
      mentions: [
        ['title-and-name', 'Japanese Prime Minister Sanae Takaichi'],
        ['honorific', 'Ms Takaichi'],
      ],
      note: 'The mention starts at "Japanese": "New" describes her, it is not part of the title.',
    },
    // Organisations
    {
      id: 'chinese-foreign-ministry',
      kind: 'organisation',
      name: 'Chinese Foreign Ministry',
      description: 'Issued the statement on the call that the article cites for Mr Xi’s remarks.',
      mentions: [
        ['name', 'Chinese Foreign Ministry'],
        ['reference', 'the ministry'],
      ],
      note: '"the statement" (p6) refers to the ministry’s statement, a document, and is not a mention.',
    },
    {
      id: 'us-commerce',
      kind: 'organisation',
      name: 'US Department of Commerce',
      description: 'Department headed by Commerce Secretary Howard Lutnick.',
      mentions: [['name', { exact: 'Commerce', within: 'Commerce Secretary Howard Lutnick' }]],
      note: 'Named in the article only in the title "Commerce Secretary".',
    },
    {
      id: 'trump-administration',
      kind: 'organisation',
      name: 'Trump administration',
      description:
        'Weighing whether to allow the sale of more advanced artificial intelligence chips to Beijing.',
      mentions: [['name', 'Trump administration']],
    },
    {
      id: 'us-forces',
      kind: 'organisation',
      name: 'US forces',
      description:
        'Mr Trump was asked whether US forces would come to the defence of Taiwan in the event of a Chinese attack.',
      mentions: [['name', 'US forces']],
    },
    {
      id: 'cbs-news',
      kind: 'organisation',
      name: 'CBS News',
      description: 'Broadcaster of 60 Minutes, which interviewed Mr Trump on Nov 2.',
      mentions: [['name', 'CBS News']],
    },
    {
      id: 'bloomberg-television',
      kind: 'organisation',
      name: 'Bloomberg Television',
      description: 'Broadcaster that interviewed Mr Lutnick on Nov 24.',
      mentions: [['name', 'Bloomberg Television']],
      note: '"Bloomberg" inside "Bloomberg Television" is not a separate mention of the news agency.',
    },
    {
      id: 'bloomberg',
      kind: 'organisation',
      name: 'Bloomberg',
      description: 'News agency credited for the story (closing credit "BLOOMBERG").',
      mentions: [['name', 'BLOOMBERG']],
    },
    // Places (countries stand for their governments too; capitals used for governments are metonyms)
    {
      id: 'us',
      kind: 'place',
      name: 'United States',
      description:
        'Country led by President Donald Trump; reached a trade truce with China in October. Its government is also referred to as Washington.',
      mentions: [
        ['metonym', 'Washington'],
        ['demonym', 'American'],
        ['name', all('US')],
      ],
      note: '"US" is annotated inside titles ("US President", "The US leader"), "US forces" and "US-bound".',
    },
    {
      id: 'china',
      kind: 'place',
      name: 'China',
      description:
        'Country led by President Xi Jinping; reached a trade truce with the US in October and is in a row with Japan over Taiwan. Its government is also referred to as Beijing.',
      mentions: [
        ['reference', 'the Chinese government'],
        ['name', all('China')],
        ['demonym', all('Chinese')],
        ['metonym', all('Beijing')],
      ],
      note: '"Beijing" is a metonym for the Chinese government except in "visit Beijing" (the city). "Chinese" is annotated as a demonym, also inside titles and names ("Chinese President", "Chinese Foreign Ministry"). "China" inside "East China Sea" is part of that name, not a mention.',
    },
    {
      id: 'beijing',
      kind: 'place',
      name: 'Beijing',
      description: 'City that Mr Trump agreed to visit in April.',
      mentions: [['name', { exact: 'Beijing', para: 'p3' }]],
      note: 'Only the literal city; other occurrences of "Beijing" stand for the Chinese government and are mentions of China.',
    },
    {
      id: 'japan',
      kind: 'place',
      name: 'Japan',
      description:
        'Country in a row with China centred on Taiwan; a key US ally in Asia. Its government is also referred to as Tokyo.',
      mentions: [
        ['metonym', 'Tokyo'],
        ['name', all('Japan')],
        ['demonym', all('Japanese')],
      ],
    },
    {
      id: 'taiwan',
      kind: 'place',
      name: 'Taiwan',
      description:
        'Island that Beijing views as its own territory; at the centre of the row between Japan and China.',
      mentions: [
        ['name', all('Taiwan')],
        ['reference', 'the island'],
      ],
    },
    {
      id: 'south-korea',
      kind: 'place',
      name: 'South Korea',
      description: 'Where Mr Trump and Mr Xi met in October.',
      mentions: [['name', 'South Korea']],
    },
    {
      id: 'russia',
      kind: 'place',
      name: 'Russia',
      description: 'Country whose invasion of Ukraine the two leaders discussed.',
      mentions: [['name', all('Russia')]],
    },
    {
      id: 'ukraine',
      kind: 'place',
      name: 'Ukraine',
      description: 'Country invaded by Russia.',
      mentions: [['name', all('Ukraine')]],
    },
    {
      id: 'asia',
      kind: 'place',
      name: 'Asia',
      description: 'Region in which Japan is a key US ally.',
      mentions: [['name', 'Asia']],
    },
    {
      id: 'east-china-sea',
      kind: 'place',
      name: 'East China Sea',
      description: 'Sea in which China announced patrols.',
      mentions: [['name', 'East China Sea']],
    },
    // Things
    {
      id: 'soya-beans',
      kind: 'thing',
      name: 'Soya beans',
      description:
        'Farm product whose purchase the leaders discussed; increasing purchases of American soya beans is a provision of the agreement.',
      mentions: [
        ['name', all('soya beans')],
        ['name', 'soya bean'],
      ],
    },
    {
      id: 'farm-products',
      kind: 'thing',
      name: 'Farm products',
      description: 'Purchases discussed in the call, besides soya beans.',
      mentions: [['name', 'farm products']],
    },
    {
      id: 'fentanyl',
      kind: 'thing',
      name: 'Fentanyl',
      description:
        'Curbing shipments of illegal fentanyl was discussed in the call; the truce lowered fentanyl-related tariffs on Chinese goods.',
      mentions: [['name', all('fentanyl')]],
    },
    {
      id: 'rare-earths',
      kind: 'thing',
      name: 'Rare earths',
      description:
        'Materials critical to the manufacture of high-tech electronics; Beijing agreed under the truce to remove certain restrictions on their export.',
      mentions: [
        ['name', all('rare earths')],
        ['name', 'rare earth'],
      ],
      note: '"the materials" (p15) refers to rare earths and critical minerals together and is not a mention.',
    },
    {
      id: 'critical-minerals',
      kind: 'thing',
      name: 'Critical minerals',
      description:
        'Covered, with rare earths, by the “general licences” China pledged to offer for US-bound exports.',
      mentions: [['name', 'critical minerals']],
    },
    {
      id: 'ai-chips',
      kind: 'thing',
      name: 'Advanced artificial intelligence chips',
      description:
        'Chips whose sale to Beijing the Trump administration is weighing; some Trump advisers have warned against it.',
      mentions: [['name', 'artificial intelligence chips']],
      note: '"the emerging technology" (p17) refers to AI in general and is not a mention of the chips.',
    },
    {
      id: 'japanese-films',
      kind: 'thing',
      name: 'Japanese films',
      description: 'China suspended the screening of some Japanese films.',
      mentions: [['name', 'films']],
    },
    {
      id: 'seafood',
      kind: 'thing',
      name: 'Japanese seafood',
      description: 'China banned the import of Japanese seafood.',
      mentions: [['name', 'seafood']],
    },
    {
      id: 'missiles',
      kind: 'thing',
      name: 'Missiles',
      description: 'Japan announced plans to deploy missiles to an area near Taiwan.',
      mentions: [['name', 'missiles']],
    },
    {
      id: 'sixty-minutes',
      kind: 'thing',
      name: '60 Minutes',
      description: 'CBS News programme in which Mr Trump gave an interview on Nov 2.',
      mentions: [['name', '60 Minutes']],
      note: 'A television programme: kind "thing" (media work), its broadcaster CBS News is the organisation.',
    },
    // Events
    {
      id: 'call-2025-11-24',
      kind: 'event',
      name: 'Trump–Xi phone call of Nov 24',
      description:
        'Phone call on Nov 24 between Mr Trump and Mr Xi, their first talks since agreeing to a tariff truce in October; they discussed trade, Taiwan and Russia’s invasion of Ukraine.',
      mentions: [
        ['reference', 'phone call'],
        ['reference', 'first talks'],
        ['reference', 'telephone call'],
        ['reference', 'The discussion'],
      ],
      note: '"The discussion" (p16) is read as the call: it "comes as" the administration weighs AI chip sales.',
    },
    {
      id: 'tariff-truce',
      kind: 'event',
      name: 'US–China tariff truce',
      description:
        'Trade truce reached in October: Washington lowered fentanyl-related tariffs on Chinese goods and Beijing agreed to remove certain restrictions on the export of rare earths.',
      mentions: [
        ['name', 'tariff truce'],
        ['name', 'trade truce'],
        ['reference', 'That deal'],
        ['reference', 'the agreement'],
      ],
      note: '"our agreements" in Mr Trump’s post (p4) is not linked: the article does not say which agreements he meant.',
    },
    {
      id: 'october-meeting',
      kind: 'event',
      name: 'Trump–Xi meeting in South Korea (October)',
      description: 'Meeting between Mr Trump and Mr Xi in South Korea in October.',
      mentions: [
        ['reference', { exact: 'October meeting', para: 'p6' }],
        ['reference', 'meeting in October'],
        ['reference', { exact: 'October meeting', para: 'p17' }],
      ],
      note: 'The article does not say whether the tariff truce was agreed at this meeting; they are kept apart.',
    },
    {
      id: 'ukraine-invasion',
      kind: 'event',
      name: 'Russia’s invasion of Ukraine',
      description:
        'Discussed in the call; Mr Xi expressed hope for the two sides to reach a binding peace agreement.',
      mentions: [['name', all('Russia’s invasion of Ukraine')]],
    },
    {
      id: 'japan-china-row',
      kind: 'event',
      name: 'Japan–China row over Taiwan',
      description:
        'Ongoing row between Japan and China centred on Taiwan, after Ms Takaichi’s remarks earlier in November.',
      mentions: [['reference', 'row between Japan and China']],
    },
    {
      id: 'world-war-ii',
      kind: 'event',
      name: 'World War II',
      description:
        'Mr Xi called the return of Taiwan to China a key part of the post-World War II international order.',
      mentions: [['name', 'World War II']],
    },
  ],
  claims: [
    // 0 (p0)
    {
      kind: 'assessment',
      target: 'his phone call with Chinese President Xi Jinping as “very good”',
      cue: 'US President Donald Trump described',
      speaker: trump,
      attribution: 'direct-quote',
      involves: ['trump', 'xi', 'call-2025-11-24'],
      topics: ['topic-relations'],
    },
    // 1 (p0)
    {
      kind: 'fact',
      target: 'they spoke about purchases of soya beans and curbing shipments of illegal fentanyl',
      cue: 'saying',
      speaker: trump,
      attribution: 'reported-speech',
      involves: ['trump', 'xi', 'call-2025-11-24', 'soya-beans', 'fentanyl'],
      topics: ['topic-soya-beans', 'topic-fentanyl'],
    },
    // 2 (p1)
    {
      kind: 'fact',
      target:
        'US President Donald Trump and Chinese President Xi Jinping on Nov 24 held their first talks since agreeing to a tariff truce in October, discussing trade, Taiwan and Russia’s invasion of Ukraine',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['trump', 'xi', 'call-2025-11-24', 'tariff-truce', 'taiwan', 'ukraine-invasion'],
      topics: ['topic-relations', 'topic-trade-truce', 'topic-taiwan', 'topic-ukraine-war'],
    },
    // 3 (p2)
    {
      kind: 'assessment',
      target: 'the telephone call was “very good”',
      cue: { exact: 'Mr Trump said', para: 'p2' },
      speaker: trump,
      attribution: 'direct-quote',
      involves: ['trump', 'call-2025-11-24'],
      topics: ['topic-relations'],
    },
    // 4 (p2)
    {
      kind: 'fact',
      target:
        'the leaders spoke about purchases of soya beans and other farm products as well as curbing shipments of illegal fentanyl',
      cue: { exact: 'Mr Trump said', para: 'p2' },
      speaker: trump,
      attribution: 'reported-speech',
      involves: ['trump', 'xi', 'call-2025-11-24', 'soya-beans', 'farm-products', 'fentanyl'],
      topics: ['topic-soya-beans', 'topic-fentanyl'],
    },
    // 5 (p3)
    {
      kind: 'commitment',
      target: 'he agreed to visit Beijing in April',
      cue: 'The US leader added',
      speaker: trump,
      attribution: 'reported-speech',
      involves: ['trump', 'beijing'],
      topics: ['topic-relations'],
    },
    // 6 (p3)
    {
      kind: 'commitment',
      target: 'had invited Mr Xi for a state visit in 2026',
      cue: 'The US leader added',
      speaker: trump,
      attribution: 'reported-speech',
      involves: ['trump', 'xi'],
      topics: ['topic-relations'],
    },
    // 7 (p4)
    {
      kind: 'assessment',
      target: 'Our relationship with China is extremely strong!',
      cue: 'Mr Trump posted on social media',
      speaker: trump,
      attribution: 'direct-quote',
      said: { medium: 'posted on social media' },
      involves: ['trump', 'us', 'china'],
      topics: ['topic-relations'],
    },
    // 8 (p4)
    {
      kind: 'assessment',
      target:
        'There has been significant progress on both sides in keeping our agreements current and accurate',
      cue: 'Mr Trump posted on social media',
      speaker: trump,
      attribution: 'direct-quote',
      said: { medium: 'posted on social media' },
      involves: ['trump', 'us', 'china'],
      topics: ['topic-relations', 'topic-trade-truce'],
    },
    // 9 (p4)
    {
      kind: 'assessment',
      target: 'Now we can set our sights on the big picture',
      cue: 'Mr Trump posted on social media',
      speaker: trump,
      attribution: 'direct-quote',
      said: { medium: 'posted on social media' },
      involves: ['trump', 'us', 'china'],
      topics: ['topic-relations'],
    },
    // 10 (p5)
    {
      kind: 'assessment',
      target:
        'the return of Taiwan to China is a key part of the post-World War II international order',
      cue: 'according to a Chinese Foreign Ministry statement',
      speaker: xi,
      attribution: 'official-statement',
      said: ministryStatement,
      involves: ['xi', 'trump', 'taiwan', 'china', 'world-war-ii', 'chinese-foreign-ministry'],
      topics: ['topic-taiwan'],
      note: 'Said by Mr Xi to Mr Trump during the Nov 24 call, as reported by the ministry.',
    },
    // 11 (p6)
    {
      kind: 'assessment',
      target:
        'the two countries should maintain the positive momentum generated during their October meeting in South Korea and expand cooperation',
      cue: 'the statement said',
      speaker: xi,
      attribution: 'official-statement',
      said: ministryStatement,
      involves: ['xi', 'us', 'china', 'october-meeting', 'south-korea', 'chinese-foreign-ministry'],
      topics: ['topic-relations'],
    },
    // 12 (p7)
    {
      kind: 'fact',
      target: 'They also spoke about Russia’s invasion of Ukraine',
      cue: 'the ministry said',
      speaker: { type: 'entity', entity: 'chinese-foreign-ministry' },
      attribution: 'official-statement',
      said: ministryStatement,
      involves: ['trump', 'xi', 'ukraine-invasion', 'chinese-foreign-ministry'],
      topics: ['topic-ukraine-war'],
    },
    // 13 (p7)
    {
      kind: 'assessment',
      target: 'Mr Xi expressed hope for the two sides to reach a binding peace agreement',
      cue: 'the ministry said',
      speaker: xi,
      attribution: 'official-statement',
      said: ministryStatement,
      involves: ['xi', 'ukraine-invasion', 'chinese-foreign-ministry'],
      topics: ['topic-ukraine-war'],
      note: 'The article does not say which "two sides" are meant.',
    },
    // 14 (p8)
    {
      kind: 'warning',
      target:
        'An ongoing row between Japan and China centred on Taiwan threatens to inject fresh tension into the Trump-Xi relationship and complicate ties',
      speaker: reporter,
      attribution: 'reporter-analysis',
      involves: ['japan-china-row', 'japan', 'china', 'taiwan', 'trump', 'xi'],
      topics: ['topic-japan-china-row', 'topic-taiwan', 'topic-relations'],
    },
    // 15 (p8)
    {
      kind: 'fact',
      target: 'the world’s two largest economies reached a trade truce in October',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['us', 'china', 'tariff-truce'],
      topics: ['topic-trade-truce'],
    },
    // 16 (p8)
    {
      kind: 'fact',
      target: 'Japan is a key US ally in Asia',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['japan', 'us', 'asia'],
      topics: ['topic-japan-china-row'],
    },
    // 17 (p9)
    {
      kind: 'fact',
      target:
        'That deal saw Washington lower fentanyl-related tariffs on Chinese goods and Beijing agree to remove certain restrictions on the export of rare earths',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['tariff-truce', 'us', 'china', 'fentanyl', 'rare-earths'],
      topics: ['topic-trade-truce', 'topic-fentanyl', 'topic-rare-earths'],
    },
    // 18 (p9)
    {
      kind: 'warning',
      target:
        'Any flare-up between the US and China could cause further uncertainty for markets and business leaders',
      speaker: reporter,
      attribution: 'reporter-analysis',
      involves: ['us', 'china'],
      topics: ['topic-relations', 'topic-trade-truce'],
    },
    // 19 (p10)
    {
      kind: 'warning',
      target:
        'a hypothetical Chinese attack on Taiwan could result in a military response from Tokyo',
      cue: 'Japanese Prime Minister Sanae Takaichi said earlier in November',
      speaker: { type: 'entity', entity: 'takaichi' },
      attribution: 'reported-speech',
      said: { date: { value: '2025-11', precision: 'month' } },
      involves: ['takaichi', 'china', 'taiwan', 'japan'],
      topics: ['topic-japan-china-row', 'topic-taiwan'],
    },
    // 20 (p10)
    {
      kind: 'fact',
      target:
        'Beijing views the island as its own territory and has denounced Ms Takaichi’s remarks, demanding a retraction',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['china', 'taiwan', 'takaichi'],
      topics: ['topic-japan-china-row', 'topic-taiwan'],
    },
    // 21 (p11)
    {
      kind: 'fact',
      target:
        'Since then, China has issued a no-travel advisory for Japan, suspended the screening of some Japanese films and banned the import of Japanese seafood',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['china', 'japan', 'japanese-films', 'seafood'],
      topics: ['topic-japan-china-row'],
    },
    // 22 (p11)
    {
      kind: 'fact',
      target:
        'Both countries have also stepped up military drills, with China announcing patrols in the East China Sea and Japan announcing plans to deploy missiles to an area near Taiwan',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['china', 'japan', 'east-china-sea', 'missiles', 'taiwan'],
      topics: ['topic-japan-china-row', 'topic-taiwan'],
    },
    // 23 (p12)
    {
      kind: 'assessment',
      target:
        'Mr Xi “understands the answer to that” when asked if US forces would come to the defence of Taiwan in the event of a Chinese attack',
      cue: 'Mr Trump said in a Nov 2 interview with CBS News’ 60 Minutes',
      speaker: trump,
      attribution: 'direct-quote',
      said: {
        medium: 'interview with CBS News’ 60 Minutes',
        date: { value: '2025-11-02', precision: 'day' },
        via: 'sixty-minutes',
      },
      involves: ['trump', 'xi', 'us-forces', 'taiwan', 'china'],
      topics: ['topic-taiwan'],
    },
    // 24 (p12)
    {
      kind: 'fact',
      target: 'the subject did not come up during their meeting in October',
      cue: { exact: 'The US leader said', para: 'p12' },
      speaker: trump,
      attribution: 'reported-speech',
      involves: ['trump', 'xi', 'october-meeting', 'taiwan'],
      topics: ['topic-taiwan'],
      note: '"the subject": whether US forces would defend Taiwan.',
    },
    // 25 (p14)
    {
      kind: 'fact',
      target:
        'The US and China are still negotiating key details over how Beijing will free up sales of rare earths',
      cue: 'according to people familiar with the matter',
      speaker: { type: 'unnamed', description: 'people familiar with the matter' },
      attribution: 'anonymous-sources',
      involves: ['us', 'china', 'rare-earths'],
      topics: ['topic-rare-earths', 'topic-trade-truce'],
    },
    // 26 (p14)
    {
      kind: 'commitment',
      target:
        'The two nations aim to agree on terms for “general licences” that China pledged to offer for US-bound exports of rare earths and critical minerals by the end of November',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['us', 'china', 'rare-earths', 'critical-minerals'],
      topics: ['topic-rare-earths', 'topic-trade-truce'],
    },
    // 27 (p15)
    {
      kind: 'fact',
      target:
        'Despite ongoing talks over the materials, which are critical to the manufacture of high-tech electronics, remaining in limbo, the US has already moved to roll back tariffs and national security measures',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['us', 'rare-earths', 'critical-minerals'],
      topics: ['topic-rare-earths', 'topic-trade-truce'],
    },
    // 28 (p15)
    {
      kind: 'warning',
      target:
        'Shortfalls in rare earth supplies have left global industries - including autos, consumer goods and robotics – at risk of disruptions',
      speaker: reporter,
      attribution: 'reporter-analysis',
      involves: ['rare-earths'],
      topics: ['topic-rare-earths'],
    },
    // 29 (p16)
    {
      kind: 'fact',
      target:
        'The discussion also comes as the Trump administration is again weighing whether to allow the sale of more advanced artificial intelligence chips to Beijing',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['trump-administration', 'ai-chips', 'china', 'call-2025-11-24'],
      topics: ['topic-ai-chips'],
    },
    // 30 (p17)
    {
      kind: 'fact',
      target:
        'Mr Trump had floated the possibility before his October meeting with Mr Xi, but the two leaders ultimately did not discuss the issue',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['trump', 'xi', 'october-meeting', 'ai-chips'],
      topics: ['topic-ai-chips'],
    },
    // 31 (p17)
    {
      kind: 'warning',
      target: 'potential sales could risk ceding the US’ advantage in the emerging technology',
      cue: 'Some Trump advisers have warned',
      speaker: { type: 'unnamed', description: 'some Trump advisers' },
      attribution: 'reported-speech',
      involves: ['ai-chips', 'us', 'trump'],
      topics: ['topic-ai-chips'],
    },
    // 32 (p18)
    {
      kind: 'fact',
      target:
        'The US President is hearing from “lots of different advisers” in deciding whether to approve future exports',
      cue: 'Commerce Secretary Howard Lutnick said on Nov 24 in a Bloomberg Television interview',
      speaker: lutnick,
      attribution: 'direct-quote',
      said: {
        medium: 'a Bloomberg Television interview',
        date: { value: '2025-11-24', precision: 'day' },
        via: 'bloomberg-television',
      },
      involves: ['lutnick', 'trump', 'ai-chips'],
      topics: ['topic-ai-chips'],
    },
    // 33 (p19)
    {
      kind: 'fact',
      target: 'That kind of decision sits right on the desk of Donald Trump',
      cue: 'Mr Lutnick said',
      speaker: lutnick,
      attribution: 'direct-quote',
      involves: ['lutnick', 'trump', 'ai-chips'],
      topics: ['topic-ai-chips'],
    },
    // 34 (p19)
    {
      kind: 'fact',
      target: 'He will decide whether we go forward with that or not',
      cue: 'Mr Lutnick said',
      speaker: lutnick,
      attribution: 'direct-quote',
      involves: ['lutnick', 'trump', 'ai-chips'],
      topics: ['topic-ai-chips'],
    },
    // 35 (p20)
    {
      kind: 'fact',
      target:
        'the US was talking to the Chinese government about increasing purchases of American soya beans',
      cue: 'Mr Trump also said on Nov 14',
      speaker: trump,
      attribution: 'reported-speech',
      said: { date: { value: '2025-11-14', precision: 'day' } },
      involves: ['trump', 'us', 'china', 'soya-beans'],
      topics: ['topic-soya-beans'],
    },
    // 36 (p20)
    {
      kind: 'fact',
      target: 'another provision of the agreement',
      speaker: reporter,
      attribution: 'reporter-background',
      involves: ['tariff-truce', 'soya-beans'],
      topics: ['topic-soya-beans', 'topic-trade-truce'],
    },
    // 37 (p21)
    {
      kind: 'fact',
      target: 'They’re in the process of doing it',
      cue: { exact: 'Mr Trump said', para: 'p21' },
      speaker: trump,
      attribution: 'direct-quote',
      involves: ['trump', 'china', 'soya-beans'],
      topics: ['topic-soya-beans'],
      note: 'The article does not say when or where this was said.',
    },
    // 38 (p21)
    {
      kind: 'fact',
      target: 'We spoke to them today. They’re in the process',
      cue: { exact: 'Mr Trump said', para: 'p21' },
      speaker: trump,
      attribution: 'direct-quote',
      involves: ['trump', 'us', 'china', 'soya-beans'],
      topics: ['topic-soya-beans'],
    },
    // 39 (p21)
    {
      kind: 'warning',
      target: 'We’re doing not only a little bit, but they’ll be doing a lot of soya bean purchase',
      cue: { exact: 'Mr Trump said', para: 'p21' },
      speaker: trump,
      attribution: 'direct-quote',
      involves: ['trump', 'china', 'soya-beans'],
      topics: ['topic-soya-beans'],
      note: 'A prediction (kind "warning" covers warnings and predictions).',
    },
  ],
  timeline: [
    {
      id: 't-call',
      label: 'Mr Trump and Mr Xi hold a phone call, their first talks since the October truce',
      date: { value: '2025-11-24', precision: 'day' },
      target: { exact: 'Nov 24', para: 'p1' },
      entities: ['trump', 'xi', 'call-2025-11-24'],
      claims: [2],
    },
    {
      id: 't-truce',
      label: 'The US and China reach a tariff truce',
      date: { value: '2025-10', precision: 'month', resolvedFrom: 'in October' },
      target: { exact: 'in October', para: 'p1' },
      otherTargets: [{ exact: 'in October', para: 'p8' }],
      entities: ['us', 'china', 'tariff-truce'],
      claims: [2, 15],
    },
    {
      id: 't-october-meeting',
      label: 'Mr Trump and Mr Xi meet in South Korea',
      date: { value: '2025-10', precision: 'month' },
      target: { exact: 'October', para: 'p6' },
      otherTargets: [
        { exact: 'October', para: 'p12' },
        { exact: 'October', para: 'p17' },
      ],
      entities: ['trump', 'xi', 'october-meeting', 'south-korea'],
      claims: [11, 24, 30],
    },
    {
      id: 't-cbs-interview',
      label: 'Mr Trump is interviewed by CBS News’ 60 Minutes',
      date: { value: '2025-11-02', precision: 'day' },
      target: 'Nov 2',
      entities: ['trump', 'cbs-news', 'sixty-minutes'],
      claims: [23],
    },
    {
      id: 't-takaichi-remarks',
      label:
        'Ms Takaichi says a Chinese attack on Taiwan could bring a military response from Tokyo',
      date: {
        value: '2025-11',
        precision: 'month',
        note: 'Earlier in the month of publication (November 2025).',
      },
      target: 'earlier in November',
      entities: ['takaichi', 'japan', 'china', 'taiwan'],
      claims: [19],
    },
    {
      id: 't-china-measures',
      label:
        'China issues a no-travel advisory for Japan, suspends some Japanese films and bans Japanese seafood imports; both countries step up military drills',
      date: {
        value: '2025-11',
        precision: 'month',
        note: 'After Ms Takaichi’s remarks earlier in November and before publication in November 2025.',
      },
      target: 'Since then',
      entities: ['china', 'japan', 'japanese-films', 'seafood', 'east-china-sea', 'missiles'],
      claims: [21, 22],
    },
    {
      id: 't-trump-soya-remarks',
      label: 'Mr Trump says the US is talking to the Chinese government about soya bean purchases',
      date: { value: '2025-11-14', precision: 'day' },
      target: 'Nov 14',
      entities: ['trump', 'us', 'china', 'soya-beans'],
      claims: [35],
    },
    {
      id: 't-lutnick-interview',
      label: 'Mr Lutnick speaks on Bloomberg Television about AI chip export decisions',
      date: { value: '2025-11-24', precision: 'day' },
      target: { exact: 'Nov 24', para: 'p18' },
      entities: ['lutnick', 'bloomberg-television', 'ai-chips'],
      claims: [32],
    },
    {
      id: 't-licences-deadline',
      label:
        'Target date to agree terms for the “general licences” for rare earths and critical minerals',
      date: {
        value: '2025-11',
        precision: 'month',
        note: 'A deadline still ahead at publication ("by the end of November"), not a past event.',
      },
      target: 'by the end of November',
      entities: ['us', 'china', 'rare-earths', 'critical-minerals'],
      claims: [26],
    },
    {
      id: 't-trump-beijing-visit',
      label: 'Mr Trump to visit Beijing (planned)',
      date: {
        value: '2026-04',
        precision: 'month',
        note: 'The first April after publication (November 2025).',
      },
      target: 'in April',
      entities: ['trump', 'beijing'],
      claims: [5],
    },
    {
      id: 't-xi-state-visit',
      label: 'Mr Xi invited for a state visit (planned)',
      date: { value: '2026', precision: 'year' },
      target: 'in 2026',
      entities: ['xi', 'trump'],
      claims: [6],
    },
  ],
  topics: [
    {
      id: 'topic-relations',
      label: 'The call and US–China relations',
      paragraphs: ['p0', 'p1', 'p2', 'p3', 'p4', 'p6', 'p8', 'p9'],
    },
    {
      id: 'topic-trade-truce',
      label: 'Trade truce',
      paragraphs: ['p1', 'p4', 'p8', 'p9', 'p13', 'p14', 'p15', 'p20'],
    },
    { id: 'topic-taiwan', label: 'Taiwan', paragraphs: ['p1', 'p5', 'p8', 'p10', 'p11', 'p12'] },
    { id: 'topic-japan-china-row', label: 'Japan–China row', paragraphs: ['p8', 'p10', 'p11'] },
    {
      id: 'topic-rare-earths',
      label: 'Rare earths and critical minerals',
      paragraphs: ['p9', 'p14', 'p15'],
    },
    { id: 'topic-ai-chips', label: 'AI chip sales', paragraphs: ['p16', 'p17', 'p18', 'p19'] },
    {
      id: 'topic-soya-beans',
      label: 'Soya beans and farm purchases',
      paragraphs: ['p0', 'p2', 'p20', 'p21'],
    },
    { id: 'topic-fentanyl', label: 'Fentanyl', paragraphs: ['p0', 'p2', 'p9'] },
    { id: 'topic-ukraine-war', label: 'Russia’s invasion of Ukraine', paragraphs: ['p1', 'p7'] },
  ],
  exclusions: [
    { text: 'Trade terms', reason: 'Subheading, not a name.' },
    { text: 'Shortfalls', reason: 'Sentence-initial common noun, not a name.' },
    {
      text: 'New',
      reason:
        'Sentence-initial adjective in "New Japanese Prime Minister Sanae Takaichi"; the mention starts at "Japanese".',
    },
    {
      text: 'the two leaders',
      reason: 'Collective reference to Mr Trump and Mr Xi; a mention refers to one entity.',
    },
    {
      text: 'the leaders',
      reason: 'Collective reference to Mr Trump and Mr Xi; a mention refers to one entity.',
    },
    {
      text: 'the two countries',
      reason: 'Collective reference to the US and China; a mention refers to one entity.',
    },
    {
      text: 'the world’s two largest economies',
      reason: 'Collective reference to the US and China; a mention refers to one entity.',
    },
    {
      text: 'The two nations',
      reason: 'Collective reference to the US and China; a mention refers to one entity.',
    },
    {
      text: 'Both countries',
      reason: 'Collective reference to China and Japan; a mention refers to one entity.',
    },
    {
      text: 'the two sides',
      reason: 'Collective reference; the article does not say which two sides are meant.',
    },
    {
      text: 'the statement',
      reason: 'The Chinese Foreign Ministry’s statement, a document; cited as `said.medium`.',
    },
    {
      text: 'the materials',
      reason: 'Refers to rare earths and critical minerals together.',
    },
    {
      text: 'the emerging technology',
      reason: 'Refers to artificial intelligence in general, which is not an entity in this pack.',
    },
    {
      text: 'Some Trump advisers',
      reason: 'Unnamed group, recorded as an unnamed claim speaker; "Trump" is a mention.',
    },
    {
      text: 'lots of different advisers',
      reason: 'Unnamed group quoted by Mr Lutnick; not an entity.',
    },
    {
      text: 'people familiar with the matter',
      reason: 'Anonymous sources, recorded as an unnamed claim speaker.',
    },
    {
      text: 'general licences',
      reason:
        'A quoted term (the licences under negotiation), not speech: covered by a claim as the reporter’s background; not an entity.',
    },
    {
      text: 'high-tech electronics',
      reason: 'Illustrative industry, not a subject of the story.',
    },
    {
      text: 'autos, consumer goods and robotics',
      reason: 'Illustrative industries, not subjects of the story.',
    },
    {
      text: 'Trump-Xi relationship',
      reason: 'A relationship, not an entity; "Trump" and "Xi" are mentions.',
    },
    {
      text: 'post-World War II international order',
      reason: 'A concept quoted from Mr Xi’s position; "World War II" is a mention.',
    },
    {
      text: 'state visit',
      reason: 'A planned visit, recorded in the timeline; not an entity.',
    },
    {
      text: 'today',
      reason:
        'In Mr Trump’s quote (p21); the article does not say when he said it, so it is not dated.',
    },
    {
      text: 'social media',
      reason:
        'The medium of Mr Trump’s post, recorded as `said.medium`; the platform is not named.',
    },
  ],
};
