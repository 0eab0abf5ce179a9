/**
 * Property tests run with a fixed seed, so CI is reproducible: a red run can be replayed, a green
 * one is not luck. Explore other seeds with GLOSS_FC_SEED=<n> (or GLOSS_FC_SEED=random).
 */
import fc from 'fast-check';

const configured = process.env.GLOSS_FC_SEED;
if (configured !== 'random') {
  fc.configureGlobal({ seed: configured ? Number(configured) : 20251124 });
}
