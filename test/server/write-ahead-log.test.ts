/**
 * The write-ahead log and the file index it keeps durable: lines read back as
 * written, a torn or damaged tail cut off, and, for any sequence of writes,
 * the index reopened after a crash (with or without a snapshot in between,
 * and with a crash between a snapshot and the log's truncation) holds exactly
 * the acknowledged writes.
 */
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FileServedIndex, logPathOf } from '../../src/server/file-index.js';
import type { PlanInfo } from '../../src/server/served-index.js';
import {
  type LogEntry,
  WriteAheadLog,
  decodeLog,
  encodeEntry,
} from '../../src/server/write-ahead-log.js';
import { generatedPlan } from './plans.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-wal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let folders = 0;
const folder = () => mkdtempSync(join(tmp, `case-${folders++}-`));

describe('write-ahead log lines', () => {
  const entries: LogEntry[] = [
    {
      op: 'put',
      id: 'a/b.docx',
      reference: false,
      text: 'Kế hoạch\nsố 1 "trích"',
      meta: { date: '2024-01-02' },
    },
    { op: 'put', id: 'chỉ thị', reference: true, text: 'x' },
    { op: 'delete', id: 'a/b.docx' },
  ];
  const bytes = Buffer.concat(entries.map((e) => encodeEntry(e)));

  it('read back as written', () => {
    expect(decodeLog(bytes)).toEqual({ entries, validBytes: bytes.length });
  });

  it('stop at a torn last line or a damaged one', () => {
    for (let cut = 1; cut < encodeEntry(entries[2]).length; cut++) {
      const torn = bytes.subarray(0, bytes.length - cut);
      const decoded = decodeLog(torn);
      expect(decoded.entries).toEqual(entries.slice(0, 2));
      expect(decoded.validBytes).toBe(bytes.length - encodeEntry(entries[2]).length);
    }
    const damaged = Buffer.from(bytes);
    damaged[encodeEntry(entries[0]).length + 20] ^= 0x01; // a bit of the second line's JSON
    expect(decodeLog(damaged).entries).toEqual(entries.slice(0, 1));
  });

  it('open cuts a torn tail off, so that new lines follow whole ones', async () => {
    const path = join(folder(), 'x.idx.log');
    writeFileSync(path, Buffer.concat([bytes, Buffer.from('0badc0de {"op":"put","id":"half')]));
    const { log, replay } = await WriteAheadLog.open(path);
    expect(replay.entries).toEqual(entries);
    expect(replay.droppedBytes).toBeGreaterThan(0);
    await log.append({ op: 'delete', id: 'z' }, () => undefined);
    await log.close();
    expect(decodeLog(readFileSync(path)).entries).toEqual([...entries, { op: 'delete', id: 'z' }]);
  });

  it('applies each entry once it is on disk, in order, and refuses appends after close', async () => {
    const path = join(folder(), 'y.idx.log');
    const { log } = await WriteAheadLog.open(path);
    const applied: string[] = [];
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        log.append({ op: 'delete', id }, () => {
          // The line is in the file when it is applied.
          expect(decodeLog(readFileSync(path)).entries.map((e) => e.id)).toContain(id);
          applied.push(id);
        }),
      ),
    );
    expect(applied).toEqual(['a', 'b', 'c', 'd']);
    await log.close();
    await expect(log.append({ op: 'delete', id: 'e' }, () => undefined)).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_UNAVAILABLE',
    });
  });
});

type Op =
  | { kind: 'put'; id: number; reference: boolean; seed: number }
  | { kind: 'delete'; id: number }
  | { kind: 'snapshot' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      id: fc.integer({ min: 0, max: 5 }),
      reference: fc.boolean(),
      seed: fc.integer({ min: 1, max: 50 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      id: fc.integer({ min: 0, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snapshot' as const) }) },
);

/** Run the ops on a file index, answering as the server would; returns what was acknowledged. */
async function run(index: FileServedIndex, ops: Op[]): Promise<Map<string, PlanInfo>> {
  const model = new Map<string, PlanInfo>();
  for (const o of ops) {
    if (o.kind === 'snapshot') await index.snapshot();
    else if (o.kind === 'delete')
      expect(await index.remove(`plan ${o.id}`)).toBe(model.delete(`plan ${o.id}`));
    else {
      const id = `plan ${o.id}`;
      const doc = { id, text: generatedPlan(o.seed, 4), meta: { seed: o.seed } };
      const write = o.reference ? index.addReference(doc) : index.add(doc);
      if (model.has(id))
        await expect(write).rejects.toMatchObject({ code: 'ERR_SAOCHEP_DUPLICATE_ID' });
      else model.set(id, await write);
    }
  }
  return model;
}

async function contents(index: FileServedIndex): Promise<Map<string, PlanInfo>> {
  const out = new Map<string, PlanInfo>();
  for (let id = 0; id <= 5; id++) {
    const info = await index.get(`plan ${id}`);
    if (info) out.set(info.id, info);
  }
  expect(await index.size()).toBe(out.size);
  return out;
}

describe('a file index after a crash', () => {
  it('holds exactly the acknowledged writes, snapshots or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const path = join(folder(), 'p.idx');
        const index = FileServedIndex.open({ path });
        await index.ready();
        const model = await run(index, ops);
        await index.closeWithoutSnapshot(); // kill -9: no snapshot, the log as it is
        const reopened = FileServedIndex.open({ path });
        await reopened.ready();
        expect(await contents(reopened)).toEqual(model);
        await reopened.close();
        // A clean stop leaves a snapshot with everything and an empty log.
        expect(statSync(logPathOf(path)).size).toBe(0);
        const again = FileServedIndex.open({ path });
        await again.ready();
        expect(await contents(again)).toEqual(model);
        await again.closeWithoutSnapshot();
      }),
      { numRuns: 12 },
    );
  });

  it('loses nothing when it crashed between a snapshot and the truncation of the log', async () => {
    const path = join(folder(), 'q.idx');
    const index = FileServedIndex.open({ path });
    await index.ready();
    const ops: Op[] = [
      { kind: 'put', id: 0, reference: false, seed: 1 },
      { kind: 'put', id: 1, reference: true, seed: 2 },
      { kind: 'delete', id: 0 },
      { kind: 'put', id: 0, reference: false, seed: 3 },
      { kind: 'put', id: 2, reference: false, seed: 4 },
    ];
    const model = await run(index, ops);
    const log = readFileSync(logPathOf(path));
    await index.snapshot();
    await index.closeWithoutSnapshot();
    // The snapshot was renamed into place but the log not yet emptied.
    appendFileSync(logPathOf(path), log);
    const reopened = FileServedIndex.open({ path });
    await reopened.ready();
    expect(await contents(reopened)).toEqual(model);
    await reopened.closeWithoutSnapshot();
  });
});
