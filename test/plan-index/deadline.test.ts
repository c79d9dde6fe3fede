/**
 * A check's deadline (CheckOptions.deadline): past it the check stops with
 * ERR_SAOCHEP_TIMEOUT, and it is looked at between sources, not only at the
 * start; before it, the result is the one without a deadline. The clock is
 * Date.now replaced, so nothing here depends on this machine's speed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { PlanIndex, SaochepError } from '../../src/index.js';

const archive = generateArchive({ plans: 120, seed: 9 });
const docs = [...archive.files.values()]
  .filter((f) => f.path.startsWith('plans/'))
  .map((f) => ({ id: f.id, text: f.text }));
const index = new PlanIndex();
index.addAll(docs);
// A plan copied from several others: its check aligns several sources.
const plan = docs
  .slice(0, 4)
  .map((d) => d.text)
  .join('\n\n');

afterEach(() => vi.restoreAllMocks());

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('CheckOptions.deadline', () => {
  it('changes nothing for a check that finishes in time', () => {
    const plain = index.check(plan);
    expect(plain.matches.length).toBeGreaterThan(1);
    expect(index.check(plan, { deadline: Date.now() + 3_600_000 })).toEqual(plain);
  });

  it('stops a check past its deadline with ERR_SAOCHEP_TIMEOUT, on the memory index and checkAsync', async () => {
    const error = thrown(() => index.check(plan, { deadline: Date.now() - 1 }));
    expect(error).toBeInstanceOf(SaochepError);
    expect(error).toMatchObject({ code: 'ERR_SAOCHEP_TIMEOUT' });
    expect((error as Error).message).toMatch(/later deadline/);
    await expect(index.checkAsync(plan, { deadline: Date.now() - 1 })).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_TIMEOUT',
    });
  });

  it('looks at the clock between sources: a deadline that passes while passages are aligned stops it there', () => {
    // Count the clock's readings in a check that finishes, then let the deadline pass at each of them.
    let readings = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => ++readings);
    index.check(plan, { deadline: Number.MAX_SAFE_INTEGER });
    const total = readings;
    // Reading the plan, candidates, verification, then one look per source aligned and per passage list.
    expect(total).toBeGreaterThan(3 + 1);
    const stages: string[] = [];
    for (let passAt = 1; passAt <= total; passAt++) {
      readings = 0;
      const error = thrown(() => index.check(plan, { deadline: passAt - 1 }));
      expect(error, `deadline passing at reading ${passAt}`).toMatchObject({
        code: 'ERR_SAOCHEP_TIMEOUT',
      });
      // It stopped at the first look past the deadline, not later.
      expect(readings).toBe(passAt);
      stages.push(/while ([a-z ]+)\)/.exec((error as Error).message)![1]);
    }
    expect(stages.slice(0, 3)).toEqual([
      'reading the plan',
      'finding candidates',
      'verifying candidates',
    ]);
    expect(stages).toContain('aligning passages');
    expect(stages).toContain('marking passages');
  });

  it('refuses a deadline that is not a time', () => {
    for (const deadline of ['soon', Number.NaN, new Date()])
      expect(
        thrown(() => index.check(plan, { deadline: deadline as unknown as number })),
      ).toMatchObject({ code: 'ERR_SAOCHEP_INVALID_OPTION' });
  });
});
