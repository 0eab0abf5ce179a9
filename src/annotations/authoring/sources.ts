import type { Pack } from '../model';
import { PackBuilder } from './builder';
import * as trumpXiCall from './trump-xi-call.source';

/** Every authoring source, compiled. The generated JSON in ../packs must equal this output. */
export function buildAll(): Pack[] {
  return [trumpXiCall].map(({ article, source }) => new PackBuilder(article).build(source));
}
