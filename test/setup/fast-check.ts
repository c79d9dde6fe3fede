/**
 * Every property test of the suite runs with one fixed seed, so that a run
 * in CI is the run on a laptop: a failure is a change in the code, never a
 * draw. SAOCHEP_FC_SEED picks another seed to explore (the failure message
 * gives the seed and path to replay). A test may still set its own seed.
 */
import fc from 'fast-check';

/** The seed of the suite's property tests. */
export const FC_SEED = Number(process.env.SAOCHEP_FC_SEED ?? 1);

fc.configureGlobal({ seed: FC_SEED });
