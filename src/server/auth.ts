/**
 * Bearer tokens compared in constant time: both sides are hashed to the same
 * length first, so neither the length nor the first differing byte of the
 * token shows in the time an answer takes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ServiceError } from './errors.js';

/** Shortest token accepted from a token file. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** A check of `Authorization` headers against one token. */
export class BearerToken {
  private readonly expected: Buffer;

  constructor(token: string) {
    if (token.length < MIN_TOKEN_LENGTH)
      throw new ServiceError(
        'ERR_SAOCHEP_INVALID_OPTION',
        `the token must be at least ${MIN_TOKEN_LENGTH} characters; make one with: openssl rand -hex 32`,
      );
    this.expected = digest(token);
  }

  /** Whether an Authorization header carries the token (`Bearer <token>`). */
  accepts(header: string | undefined): boolean {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    // Hash even when there is no token, so that a missing header takes as long as a wrong one.
    const given = digest(match ? match[1] : '');
    return timingSafeEqual(given, this.expected) && match !== null;
  }
}

/** The token in a token file: its first line, without surrounding white space. */
export async function readTokenFile(path: string): Promise<BearerToken> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new ServiceError(
      'ERR_SAOCHEP_IO',
      `cannot read the token file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return new BearerToken(content.split(/\r?\n/)[0].trim());
}
