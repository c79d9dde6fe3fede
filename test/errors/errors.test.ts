/**
 * The errors saochep throws agree with the README's errors table: every code
 * of src/errors.ts is a row of the table and every row a code, each thrown as
 * the class its row names; and `instanceof` holds as the README says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CLASS_OF } from '../../src/errors.js';
import {
  PlanIndex,
  SaochepError,
  SaochepTypeError,
  normalizeText,
  tokenize,
} from '../../src/index.js';
import { minhashSignature } from '../../src/sketch/index.js';
import { ROOT } from '../helpers/paths.js';

/** The rows of the README's errors table: code → class. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors\n'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| class')));
  const rows = new Map<string, string>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`(ERR_SAOCHEP_[A-Z_]+)`$/.exec(cells[2] ?? '')?.[1];
    if (code === undefined) continue;
    expect(rows.has(code), `${code} has two rows`).toBe(false);
    rows.set(code, cells[1].replace(/`/g, ''));
  }
  return rows;
}

/** The codes of the SaochepErrorCode union, read from the source. */
function sourceCodes(): string[] {
  const source = readFileSync(join(ROOT, 'src/errors.ts'), 'utf8');
  const union = source.slice(
    source.indexOf('export type SaochepErrorCode ='),
    source.indexOf(';', source.indexOf('export type SaochepErrorCode =')),
  );
  return [...union.matchAll(/'(ERR_SAOCHEP_[A-Z_]+)'/g)].map((m) => m[1]).sort();
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the errors table', () => {
  it('lists every code of src/errors.ts, once, and no other', () => {
    const codes = sourceCodes();
    expect(codes.length).toBeGreaterThan(10);
    expect([...readmeTable().keys()].sort()).toEqual(codes);
    expect(Object.keys(ERROR_CLASS_OF).sort()).toEqual(codes);
  });

  it('names for each code the class it is thrown as', () => {
    const table = readmeTable();
    for (const [code, cls] of Object.entries(ERROR_CLASS_OF))
      expect(table.get(code), code).toBe(cls);
  });

  it('holds for errors thrown: INVALID_OPTION from every stage is a SaochepTypeError', () => {
    const errors = [
      thrown(() => normalizeText('x', { keepCase: 'yes' as unknown as boolean })),
      thrown(() => minhashSignature('a b c', { numPerm: 100 })),
      thrown(() => new PlanIndex({ numPerm: 100 })),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(SaochepTypeError);
      expect((error as SaochepTypeError).code).toBe('ERR_SAOCHEP_INVALID_OPTION');
      expect((error as Error).name).toBe('SaochepTypeError');
    }
  });
});

describe('instanceof', () => {
  it('SaochepError holds for type errors, which stay TypeErrors', () => {
    const error = thrown(() => tokenize(42 as unknown as string));
    expect(error).toBeInstanceOf(SaochepTypeError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(SaochepError);
    expect(error).toBeInstanceOf(Error);
  });

  it('SaochepError is not a TypeError, and neither class claims foreign errors', () => {
    const io = new SaochepError('ERR_SAOCHEP_IO', 'x');
    expect(io).toBeInstanceOf(SaochepError);
    expect(io).not.toBeInstanceOf(TypeError);
    expect(io).not.toBeInstanceOf(SaochepTypeError);
    for (const foreign of [new TypeError('x'), new Error('x'), { code: 'ERR_SAOCHEP_IO' }, null, 1])
      expect(foreign instanceof SaochepError).toBe(false);
  });
});
