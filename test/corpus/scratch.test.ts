/**
 * The streaming writer's files: an Appender writes what it is given, in order,
 * whatever the sizes against its buffer, and a Scratch copies its lines out in
 * index order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../corpus/generator/random.js';
import { Appender, Scratch } from '../../corpus/generator/scratch.js';

const dir = mkdtempSync(join(tmpdir(), 'saochep-scratch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = ['kế hoạch', 'a', '', 'Ủy ban nhân dân', '😀 x', 'đ'.repeat(40), 'z'.repeat(97)];

describe.each([16, 64, 1 << 22])('with a buffer of %i bytes', (size) => {
  it('an Appender writes its texts and bytes in order and says where each text starts', () => {
    const rng = new Random(size);
    const path = join(dir, `append-${size}`);
    const out = new Appender(path, size);
    const expected: Buffer[] = [];
    let at = 0;
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: rng.int(0, 3) }, () => rng.pick(WORDS)).join(' ');
      if (rng.chance(0.3)) {
        const bytes = Buffer.from(text, 'latin1');
        out.addBytes(bytes);
        expected.push(bytes);
        at += bytes.length;
      } else {
        const bytes = Buffer.from(text, 'utf8');
        expect(out.add(text)).toEqual([at, bytes.length]);
        expected.push(bytes);
        at += bytes.length;
      }
    }
    expect(out.close()).toBe(at);
    expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
  });

  it('a Scratch gives its lines back in index order, joined by the separator', () => {
    const rng = new Random(size + 1);
    const count = 200;
    const lines = Array.from({ length: count }, (_, k) => `${k}: ${rng.pick(WORDS)}`);
    const scratch = new Scratch(join(dir, `scratch-${size}`), count, size);
    for (const k of rng.shuffle(Array.from({ length: count }, (_, k) => k)))
      scratch.set(k, lines[k]);
    const path = join(dir, `copied-${size}`);
    const out = new Appender(path, size);
    out.add('[');
    scratch.copyTo(out, ',\n');
    out.add(']');
    out.close();
    expect(readFileSync(path, 'utf8')).toBe(`[${lines.join(',\n')}]`);
  });
});
