/**
 * How copies of one English news story differ in wording that says nothing about the story:
 * honorifics and British / American spellings. Data only, imported by the anchoring engine (its
 * folded text) and by detection (its fingerprints), so that both fold a copy the same way and the
 * gate does not load the engine to get two word lists.
 */

/**
 * Honorifics (lower case) that copies add or drop before a name: "Mr Xi", "Xi". Folding drops one
 * before a capitalised word when it is capitalised itself.
 */
export const HONORIFICS: ReadonlyArray<string> = ['mr', 'mrs', 'ms', 'mx', 'dr', 'prof'];

/**
 * Spelling variants, mostly British -> American (applied at the start of a word, to both page and quote,
 * so the folding is symmetric: a false equivalence such as "organism" ~ "organizm" is harmless
 * because it never creates a match that did not exist in either spelling).
 */
export const SPELLING_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['soya bean', 'soybean'],
  ['soy bean', 'soybean'],
  ['soya', 'soy'],
  ['licenc', 'licens'],
  ['defenc', 'defens'],
  ['offenc', 'offens'],
  ['pretenc', 'pretens'],
  // Folding must never lengthen the text (the offset maps are sized to it): where the American
  // spelling is longer, both fold to the British one. The identity entries keep "centred" from
  // matching the shorter key "centre".
  ['centred', 'centred'],
  ['centered', 'centred'],
  ['centring', 'centring'],
  ['centering', 'centring'],
  ['centre', 'center'],
  ['metre', 'meter'],
  ['litre', 'liter'],
  ['theatre', 'theater'],
  ['fibre', 'fiber'],
  ['colour', 'color'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['labour', 'labor'],
  ['neighbour', 'neighbor'],
  ['behaviour', 'behavior'],
  ['harbour', 'harbor'],
  ['rumour', 'rumor'],
  ['humour', 'humor'],
  ['flavour', 'flavor'],
  ['armour', 'armor'],
  ['endeavour', 'endeavor'],
  ['vigour', 'vigor'],
  ['organis', 'organiz'],
  ['recognis', 'recogniz'],
  ['realis', 'realiz'],
  ['criticis', 'criticiz'],
  ['apologis', 'apologiz'],
  ['emphasis', 'emphasiz'],
  ['prioritis', 'prioritiz'],
  ['analys', 'analyz'],
  ['paralys', 'paralyz'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['travell', 'travel'],
  ['cancell', 'cancel'],
  ['modell', 'model'],
  ['labell', 'label'],
  ['fuell', 'fuel'],
  ['jewellery', 'jewelry'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['aluminium', 'aluminum'],
  ['sceptic', 'skeptic'],
  ['manoeuvre', 'maneuver'],
  ['judgement', 'judgment'],
  ['ageing', 'aging'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['cheque', 'check'],
  ['kerb', 'curb'],
  ['paediatric', 'pediatric'],
  ['anaesthe', 'anesthe'],
  ['oestrogen', 'estrogen'],
  ['foetus', 'fetus'],
];
