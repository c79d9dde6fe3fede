/**
 * The streaming writer writes what the in-memory generator writes, byte for
 * byte, even when its cache is so small that most sources are made again.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { makeSchedule } from '../../corpus/generator/schedule.js';
import { streamArchive } from '../../corpus/generator/stream.js';
import { archiveOutputs } from '../../corpus/generator/write.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

describe('streamArchive', () => {
  const options = { plans: 260, seed: 11 };
  const expected = archiveOutputs(generateArchive(options), { jsonl: true });

  it.each([8, 100_000])(
    'writes the in-memory archive byte for byte (cache of %i plans)',
    (keep) => {
      const dir = mkdtempSync(join(tmpdir(), 'saochep-stream-'));
      dirs.push(dir);
      const stats = streamArchive(options, dir, { jsonl: true, files: true, keep });
      expect(listFiles(dir).sort()).toEqual([...expected.keys()].sort());
      for (const [path, bytes] of expected)
        expect(readFileSync(join(dir, path)).equals(Buffer.from(bytes)), path).toBe(true);
      // A tiny cache makes sources again; a large one never does.
      if (keep === 8) expect(stats.remade).toBeGreaterThan(50);
      else expect(stats.remade).toBe(0);
      expect(stats.plans).toBe(260);
    },
  );

  it('writes only archive.jsonl and truth.json without files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saochep-stream-'));
    dirs.push(dir);
    streamArchive(options, dir, { jsonl: true, files: false, keep: 8 });
    expect(listFiles(dir).sort()).toEqual(['archive.jsonl', 'truth.json']);
    expect(
      readFileSync(join(dir, 'truth.json')).equals(Buffer.from(expected.get('truth.json')!)),
    ).toBe(true);
  });
});

describe('makeSchedule', () => {
  it('orders plans by date and counts as peers only plans of the same directive on earlier days', () => {
    const s = makeSchedule(5, 900);
    const day = (i: number) =>
      Date.UTC(
        s.directives[s.directiveOf[i]].date.year,
        s.directives[s.directiveOf[i]].date.month - 1,
        s.directives[s.directiveOf[i]].date.day,
      ) /
        86_400_000 +
      s.dayOffset[i];
    for (let k = 1; k < s.order.length; k++) {
      const a = s.order[k - 1];
      const b = s.order[k];
      expect(day(a) < day(b) || (day(a) === day(b) && a < b)).toBe(true);
    }
    for (let i = 0; i < s.plans; i++) {
      const list = [...s.byDirective[s.directiveOf[i]]];
      const exact = list.filter((j) => day(j) < day(i)).length;
      expect(s.peerCount[i], `plan ${i}`).toBe(exact);
      expect(list[s.position[i]]).toBe(i);
    }
  });
});
