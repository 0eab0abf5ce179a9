import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { findNames, nameForms } from '../../src/highlights/page-mentions';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
const forms = nameForms(pack);

describe('entity names in text the pack does not have', () => {
  test('the pack’s own spellings, each once, longest first', () => {
    const texts = forms.map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('Donald Trump');
    for (let i = 1; i < texts.length; i++)
      expect((texts[i - 1] as string).length).toBeGreaterThanOrEqual((texts[i] as string).length);
  });

  test('whole words only, the longest name at a place, as the pack writes it', () => {
    const found = findNames(
      "Trump Says Xi Call Was 'Very Good,' Discussed Soybeans, Fentanyl; Donald Trump, USB, Trumpet",
      forms,
    );
    const texts = found.map((f) => f.form.text);
    expect(texts).toContain('Donald Trump');
    expect(texts.filter((t) => t === 'Trump')).toHaveLength(1); // "Trumpet" is not Trump
    expect(texts).toContain('Xi');
    expect(texts).not.toContain('US'); // inside "USB"
    // Only proper names: the pack's "fentanyl" or "phone call" are not taken anywhere.
    expect(forms.map((f) => f.text)).not.toContain('fentanyl');
    expect(forms.map((f) => f.text)).not.toContain('That deal');
    const trump = pack.entities.find((e) =>
      e.mentions.some((m) => m.target.quote.exact === 'Donald Trump'),
    );
    expect(found.find((f) => f.form.text === 'Donald Trump')?.form.entityId).toBe(trump?.id);
  });
});
