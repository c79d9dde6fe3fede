/**
 * saochep serve over HTTP: the real server on a free loopback port, called
 * with fetch. Every response is checked against the server's own OpenAPI
 * document, and the document against the OpenAPI 3.1 schema.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../../corpus/generator/docx.js';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { makeDoc } from '../helpers/doc.js';
import { makePdf } from '../helpers/pdf.js';
import { ocrMissing, paginate, scanPage, wrapLines } from '../helpers/scans.js';
import { freePort } from '../helpers/redis-server.js';
import { OpenApiResponses } from './openapi-check.js';
import { generatedPlan } from './plans.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-serve-'));
const TOKEN = 'test-token-0123456789abcdef';
const BODY_LIMIT = 256 * 1024;
const responses = new OpenApiResponses(openApiDocument());
let server: RunningServer;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One request, its response checked against the OpenAPI document. */
async function call(
  method: string,
  path: string,
  options: {
    json?: unknown;
    form?: FormData;
    raw?: string;
    type?: string;
    token?: string | null;
    base?: string;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.form) body = options.form;
  else if (options.raw !== undefined) {
    body = options.raw;
    if (options.type) headers['content-type'] = options.type;
  }
  const response = await fetch(`${options.base ?? server.url}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type');
  const parsed: unknown = type?.startsWith('application/json') ? JSON.parse(text) : text;
  responses.check(method, path, response.status, type, parsed);
  return { status: response.status, headers: response.headers, body: parsed };
}

function upload(name: string, bytes: Uint8Array | string, meta?: object): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  if (meta) form.append('meta', JSON.stringify(meta));
  return form;
}

const errorCode = (a: Answer) => (a.body as { error: { code: string } }).error.code;

// Five plans and a reference in the saved index; the checked plans copy them.
const PLANS = [1, 2, 3, 4, 5].map((k) => ({
  id: `2023/plan-${k}.txt`,
  text: generatedPlan(k, 30, `0${k} tháng 1 năm 2023`),
}));
const DIRECTIVE = { id: 'chi-thi-82', text: generatedPlan(99, 30, '01 tháng 11 năm 2022') };

beforeAll(async () => {
  const index = new PlanIndex();
  for (const p of PLANS) index.add({ ...p, meta: { unit: `Xã ${p.id}` } });
  index.addReference(DIRECTIVE);
  await index.save(join(tmp, 'archive.idx'));
  writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);
  server = await startServer({
    index: join(tmp, 'archive.idx'),
    port: 0,
    tokenFile: join(tmp, 'token'),
    bodyLimit: BODY_LIMIT,
  });
  await server.index.ready();
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('saochep serve: the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, served at /v1/openapi.json', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const served = await call('GET', '/v1/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe('saochep serve: checks', () => {
  it('finds the source of a copied plan sent as JSON, with the reading', async () => {
    const r = await call('POST', '/v1/check?limit=3', {
      json: { text: PLANS[2].text, meta: { date: '2024-01-01' } },
    });
    expect(r.status).toBe(200);
    const body = r.body as {
      score: number;
      matches: Array<{
        id: string;
        containment: number;
        passages: unknown[];
        meta?: { unit?: string };
      }>;
      reading: {
        format: string;
        encoding: string;
        language: string;
        header: { date?: string; type?: string };
      };
    };
    expect(body.score).toBeGreaterThan(0.9);
    expect(body.matches[0].id).toBe(PLANS[2].id);
    expect(body.matches[0].meta?.unit).toBe(`Xã ${PLANS[2].id}`);
    expect(body.matches[0].passages.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeLessThanOrEqual(3);
    expect(body.reading).toMatchObject({ format: 'json', encoding: 'unicode', language: 'vi' });
    expect(body.reading.header).toMatchObject({ date: '2023-01-03', type: 'KẾ HOẠCH' });
  });

  it('scores an unrelated plan 0, and passages=false leaves the passages out', async () => {
    const fresh = await call('POST', '/v1/check', { json: { text: generatedPlan(1234) } });
    expect((fresh.body as { score: number }).score).toBe(0);
    const r = await call('POST', '/v1/check?passages=false', { json: { text: PLANS[0].text } });
    const matches = (r.body as { matches: Array<{ passages: unknown[] }> }).matches;
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(m.passages).toEqual([]);
  });

  it('onlyEarlier leaves out sources dated after the plan', async () => {
    // PLANS[4] is dated 5 January 2023; as a plan of 2 January it has no earlier peer.
    const text = PLANS[4].text.replace('05 tháng 1 năm 2023', '02 tháng 1 năm 2023');
    const all = await call('POST', '/v1/check', { json: { text } });
    expect((all.body as { score: number }).score).toBeGreaterThan(0.9);
    const earlier = await call('POST', '/v1/check?onlyEarlier=true', { json: { text } });
    expect((earlier.body as { score: number }).score).toBe(0);
    const bad = await call('POST', '/v1/check?sameDay=true', { json: { text } });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('ERR_SAOCHEP_INVALID_OPTION');
  });

  it('reads uploads as the scan reads files: .docx, .doc, .pdf, .txt, .html', async () => {
    const text = PLANS[1].text;
    const files: Array<[string, Uint8Array | string, string]> = [
      ['ke-hoach.docx', docx(text), 'docx'],
      ['ke-hoach.doc', makeDoc(text), 'doc'],
      ['ke-hoach.pdf', makePdf([text.split('\n')]), 'pdf'],
      ['ke-hoach.txt', text, 'txt'],
      [
        'ke-hoach.html',
        `<html><body>${text
          .split('\n')
          .map((l) => `<p>${l}</p>`)
          .join('')}</body></html>`,
        'html',
      ],
    ];
    for (const [name, bytes, format] of files) {
      const r = await call('POST', '/v1/check', { form: upload(name, bytes) });
      expect(r.status, name).toBe(200);
      const body = r.body as {
        score: number;
        matches: Array<{ id: string }>;
        reading: { format: string };
      };
      expect(body.reading.format, name).toBe(format);
      expect(body.score, name).toBeGreaterThan(0.8);
      expect(body.matches[0].id, name).toBe(PLANS[1].id);
    }
  });

  it('answers unreadable uploads with 415 and 422 and the library codes', async () => {
    const cases: Array<[string, Uint8Array | string, number, string]> = [
      ['virus.exe', 'MZ binary', 415, 'ERR_SAOCHEP_UNSUPPORTED_FORMAT'],
      ['broken.docx', 'PK\u0003\u0004 not really a zip', 422, 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['broken.pdf', 'not a pdf', 422, 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['blank.txt', '   \n  ', 422, 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      ['empty.txt', '', 422, 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      ['scanned.pdf', makePdf([[]]), 422, 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      [
        'binary.txt',
        new Uint8Array(4096).map((_, i) => (i * 37) % 256),
        422,
        'ERR_SAOCHEP_NOT_TEXT',
      ],
    ];
    for (const [name, bytes, status, code] of cases) {
      const r = await call('POST', '/v1/check', { form: upload(name, bytes) });
      expect(r.status, name).toBe(status);
      expect(errorCode(r), name).toBe(code);
    }
  });

  it('refuses bad bodies, content types and query options with 400 and 415', async () => {
    const cases: Array<[Parameters<typeof call>[2], string, number, string]> = [
      [{ json: { text: 42 } }, '', 400, 'ERR_SAOCHEP_INVALID_DOCUMENT'],
      [{ json: { text: 'x', extra: 1 } }, '', 400, 'ERR_SAOCHEP_INVALID_DOCUMENT'],
      [{ json: { text: 'x', meta: [1] } }, '', 400, 'ERR_SAOCHEP_INVALID_DOCUMENT'],
      [{ raw: '{"text": "x"', type: 'application/json' }, '', 400, 'ERR_SAOCHEP_INVALID_ARGUMENT'],
      [{ raw: 'kế hoạch', type: 'text/plain' }, '', 415, 'ERR_SAOCHEP_UNSUPPORTED_MEDIA_TYPE'],
      [{ raw: '<x/>', type: 'application/xml' }, '', 415, 'ERR_SAOCHEP_UNSUPPORTED_MEDIA_TYPE'],
      [{ json: { text: 'x' } }, '?limit=many', 400, 'ERR_SAOCHEP_INVALID_ARGUMENT'],
      [{ json: { text: 'x' } }, '?limit=5000', 400, 'ERR_SAOCHEP_INVALID_ARGUMENT'],
      [{ json: { text: 'x' } }, '?colour=red', 400, 'ERR_SAOCHEP_INVALID_ARGUMENT'],
      [{ json: { text: 'x' } }, '?date=tomorrow', 400, 'ERR_SAOCHEP_INVALID_OPTION'],
      [
        {
          form: (() => {
            const f = new FormData();
            f.append('meta', '{}');
            return f;
          })(),
        },
        '',
        400,
        'ERR_SAOCHEP_INVALID_ARGUMENT',
      ],
      [
        { form: upload('a.txt', 'kế hoạch', [1] as unknown as object) },
        '',
        400,
        'ERR_SAOCHEP_INVALID_DOCUMENT',
      ],
    ];
    for (const [options, query, status, code] of cases) {
      const r = await call('POST', `/v1/check${query}`, options);
      expect(r.status, JSON.stringify(options) + query).toBe(status);
      expect(errorCode(r), JSON.stringify(options) + query).toBe(code);
    }
  });

  it('answers 413 past the body limit, for JSON and for uploads', async () => {
    const big = 'kế hoạch '.repeat(BODY_LIMIT / 8);
    const json = await call('POST', '/v1/check', { json: { text: big } });
    expect(json.status).toBe(413);
    expect(errorCode(json)).toBe('ERR_SAOCHEP_BODY_TOO_LARGE');
    const file = await call('POST', '/v1/check', { form: upload('big.txt', big) });
    expect(file.status).toBe(413);
    expect(errorCode(file)).toBe('ERR_SAOCHEP_BODY_TOO_LARGE');
    // Just under the limit is read.
    const under = await call('POST', '/v1/check', {
      json: { text: 'kế hoạch '.repeat(BODY_LIMIT / 16) },
    });
    expect(under.status).toBe(200);
  });
});

const ocrAbsent = ocrMissing();
if (ocrAbsent) console.warn(ocrAbsent);

describe.skipIf(ocrAbsent !== undefined)('saochep serve: scanned uploads', () => {
  it('reads a scanned page by OCR: the reading says so, and the scan is found copied', async () => {
    const [page] = paginate(wrapLines(PLANS[1].text));
    const scan = scanPage(page, { dpi: 150, format: 'png' });
    const r = await call('POST', '/v1/check', { form: upload('ke-hoach.png', scan.bytes) });
    expect(r.status).toBe(200);
    const body = r.body as {
      score: number;
      matches: Array<{ id: string }>;
      reading: { format: string; readBy?: string; ocrPages?: number };
    };
    expect(body.reading).toMatchObject({ format: 'png', readBy: 'ocr', ocrPages: 1 });
    expect(body.matches[0].id).toBe(PLANS[1].id);
    expect(body.score).toBeGreaterThan(0.5);
  });
});

describe('saochep serve: plans', () => {
  it('PUT, GET, duplicate, check, DELETE: the life of a plan (ids with a slash and Vietnamese letters)', async () => {
    const id = '2024/kế-hoạch 12.docx';
    const path = `/v1/plans/${encodeURIComponent(id)}`;
    const text = generatedPlan(500);
    expect((await call('GET', path)).status).toBe(404);
    const put = await call('PUT', path, {
      json: { text, meta: { unit: 'Xã Hòa An', date: '2024-02-01' } },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(path);
    expect(put.body).toMatchObject({
      id,
      reference: false,
      date: '2024-02-01',
      indexed: true,
      meta: { unit: 'Xã Hòa An' },
    });
    const got = await call('GET', path);
    expect(got.body).toEqual({
      id,
      reference: false,
      date: '2024-02-01',
      meta: { unit: 'Xã Hòa An', date: '2024-02-01' },
      indexed: true,
    });
    const again = await call('PUT', path, { json: { text: 'khác' } });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('ERR_SAOCHEP_DUPLICATE_ID');
    const check = await call('POST', '/v1/check', { json: { text } });
    expect((check.body as { matches: Array<{ id: string }> }).matches[0].id).toBe(id);
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).status).toBe(404);
    expect((await call('DELETE', path)).status).toBe(404);
    const after = await call('POST', '/v1/check', { json: { text } });
    expect((after.body as { score: number }).score).toBe(0);
  });

  it('PUT an upload as a reference: its share counts as from references', async () => {
    const text = generatedPlan(777);
    const put = await call('PUT', '/v1/plans/chi-thi-moi?reference=true', {
      form: upload('chi-thi.docx', docx(text), { date: '2022-05-01' }),
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({
      id: 'chi-thi-moi',
      reference: true,
      date: '2022-05-01',
      reading: { format: 'docx' },
    });
    const check = await call('POST', '/v1/check', { json: { text } });
    const body = check.body as {
      breakdown: { fromReferences: number };
      matches: Array<{ reference: boolean }>;
    };
    expect(body.breakdown.fromReferences).toBeGreaterThan(0.8);
    expect(body.matches[0].reference).toBe(true);
    expect((await call('DELETE', '/v1/plans/chi-thi-moi')).status).toBe(204);
  });

  it('refuses ids that are not ids, and bodies that are not plans', async () => {
    for (const id of [
      '..%2F..%2Fetc%2Fpasswd',
      '%2Fabs',
      'a%00b',
      'x'.repeat(300),
      '%20lead',
      'semi%3Bcolon',
    ]) {
      const r = await call('PUT', `/v1/plans/${id}`, { json: { text: 'kế hoạch' } });
      expect(r.status, id).toBe(400);
      expect(errorCode(r), id).toBe('ERR_SAOCHEP_INVALID_ARGUMENT');
    }
    const noBody = await call('PUT', '/v1/plans/a');
    expect(noBody.status).toBe(400);
    const stats = await call('GET', '/v1/stats');
    expect((stats.body as { documents: number }).documents).toBe(PLANS.length + 1);
  });

  it('stats count documents, references and the writes waiting in the log', async () => {
    const before = (await call('GET', '/v1/stats')).body as {
      documents: number;
      references: number;
      unsavedWrites: number;
    };
    expect(before.references).toBe(1);
    await call('PUT', '/v1/plans/counted', { json: { text: generatedPlan(31) } });
    const after = (await call('GET', '/v1/stats')).body as {
      documents: number;
      unsavedWrites: number;
      store: string;
    };
    expect(after.documents).toBe(before.documents + 1);
    expect(after.unsavedWrites).toBe(before.unsavedWrites + 1);
    expect(after.store).toBe('file');
    expect((await call('DELETE', '/v1/plans/counted')).status).toBe(204);
  });
});

describe('saochep serve: security', () => {
  it('needs the bearer token on every endpoint but health', async () => {
    expect((await call('GET', '/v1/health', { token: null })).status).toBe(200);
    const requests: Array<[string, string, Parameters<typeof call>[2]]> = [
      ['GET', '/v1/ready', {}],
      ['GET', '/v1/stats', {}],
      ['GET', '/v1/openapi.json', {}],
      ['GET', '/v1/plans/2023%2Fplan-1.txt', {}],
      ['DELETE', '/v1/plans/2023%2Fplan-1.txt', {}],
      ['PUT', '/v1/plans/new', { json: { text: 'kế hoạch' } }],
      ['POST', '/v1/check', { json: { text: PLANS[0].text } }],
    ];
    for (const [method, path, options] of requests) {
      for (const token of [null, 'wrong-token-0123456789abcdef', TOKEN.slice(0, -1), `${TOKEN}x`]) {
        const r = await call(method, path, { ...options, token });
        expect(r.status, `${method} ${path} ${token}`).toBe(401);
        expect(errorCode(r)).toBe('ERR_SAOCHEP_UNAUTHORIZED');
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
    // Nothing was written by the refused requests.
    expect((await call('GET', '/v1/plans/2023%2Fplan-1.txt')).status).toBe(200);
    expect((await call('GET', '/v1/plans/new')).status).toBe(404);
    expect((await call('GET', '/v1/ready')).body).toMatchObject({ status: 'ready' });
  });

  it('listens on 127.0.0.1 by default', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const address = server.app.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('without a token file refuses writes (403) unless told to allow them', async () => {
    const path = join(tmp, 'open.idx');
    const open = await startServer({ index: path, port: 0 });
    const allowing = await startServer({
      index: join(tmp, 'allowing.idx'),
      port: 0,
      allowUnauthenticatedWrites: true,
    });
    try {
      await open.index.ready();
      await allowing.index.ready();
      const refused = await call('PUT', '/v1/plans/a', {
        json: { text: PLANS[0].text },
        token: null,
        base: open.url,
      });
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe('ERR_SAOCHEP_WRITES_DISABLED');
      expect((await call('DELETE', '/v1/plans/a', { token: null, base: open.url })).status).toBe(
        403,
      );
      const check = await call('POST', '/v1/check', {
        json: { text: PLANS[0].text },
        token: null,
        base: open.url,
      });
      expect(check.status).toBe(200);
      const accepted = await call('PUT', '/v1/plans/a', {
        json: { text: PLANS[0].text },
        token: null,
        base: allowing.url,
      });
      expect(accepted.status).toBe(201);
    } finally {
      await open.close();
      await allowing.close();
    }
  });

  it('serves an unreachable Redis as not ready (password never told), and refuses a short token', async () => {
    const port = await freePort();
    const unreachable = await startServer({
      index: `redis://user:secret@127.0.0.1:${port}/0`,
      port: 0,
    });
    const failure = await unreachable.index.ready().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'ERR_SAOCHEP_STORE_UNAVAILABLE',
      message: expect.not.stringContaining('secret'),
    });
    const ready = await fetch(`${unreachable.url}/v1/ready`);
    expect(ready.status).toBe(503);
    await unreachable.close();
    writeFileSync(join(tmp, 'short'), 'abc\n');
    await expect(
      startServer({ index: join(tmp, 'x.idx'), port: 0, tokenFile: join(tmp, 'short') }),
    ).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_INVALID_OPTION',
    });
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    const r = await fetch(`${server.url}/v2/check`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe(
      'ERR_SAOCHEP_NOT_FOUND',
    );
  });
});

describe('saochep serve: the OpenAPI document covers what was answered', () => {
  it('every operation was called, with its success status', () => {
    for (const op of [
      'POST /v1/check 200',
      'PUT /v1/plans/{id} 201',
      'GET /v1/plans/{id} 200',
      'DELETE /v1/plans/{id} 204',
      'GET /v1/stats 200',
      'GET /v1/health 200',
      'GET /v1/ready 200',
      'GET /v1/openapi.json 200',
    ])
      expect(responses.seen.has(op), op).toBe(true);
  });
});
