/**
 * Failures of the Redis store as saochep errors: whatever ioredis throws
 * (a refused or lost connection, a timeout, an error reply) becomes
 * ERR_SAOCHEP_STORE_UNAVAILABLE with the cause attached, so that a caller
 * tests one code and retries; saochep's own errors pass through.
 */
import { SaochepError, SaochepTypeError } from '../errors.js';

/** The error to throw for `error`, raised while `fn` talked to Redis. */
export function storeError(error: unknown, fn: string): Error {
  if (error instanceof SaochepError || error instanceof SaochepTypeError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SaochepError(
    'ERR_SAOCHEP_STORE_UNAVAILABLE',
    `${fn}: the Redis store did not answer (${reason}). Nothing was scored from a partial answer; retry when Redis is reachable (an add that failed this way may have been applied: has(id) tells).`,
    { cause: error },
  );
}

/** Run `work`, turning store failures into {@link storeError}. */
export async function guarded<T>(fn: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error, fn);
  }
}
