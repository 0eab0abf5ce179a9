import type { Pack } from '../../src/annotations/model';
import seedPack from '../../src/annotations/packs/2025-11-24-trump-xi-call.json' with {
  type: 'json',
};
import seedSources from '../../src/annotations/sources/2025-11-24-trump-xi-call.json' with {
  type: 'json',
};
import type { PackError, ValidationResult } from '../../src/annotations/validate';

export const SEED_FILE = 'src/annotations/packs/2025-11-24-trump-xi-call.json';

/** A fresh, mutable deep copy of the seed pack. */
export function seed(): Pack {
  return structuredClone(seedPack) as Pack;
}

/** The errors of a failed validation (fails the test if it passed). */
export function errorsOf(result: ValidationResult): PackError[] {
  if (result.ok) throw new Error('expected the pack to be rejected, but it was accepted');
  return result.errors;
}

/** A fresh, mutable deep copy of the seed pack with its sources section attached. */
export function seedWithSources(): Pack {
  return { ...seed(), sources: structuredClone(seedSources) as Pack['sources'] };
}
