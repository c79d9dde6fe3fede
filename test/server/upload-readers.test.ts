/**
 * Uploads are read in threads that the time limit stops: a reading that runs
 * past the limit (here a stand-in Tesseract that never finishes a page, with
 * a page timeout far beyond the request's limit) is answered 503
 * ERR_SAOCHEP_TIMEOUT at the limit, its OCR program is killed rather than
 * left running, and the next upload is read by a fresh thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { buildApp } from '../../src/server/app.js';
import { BearerToken } from '../../src/server/auth.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { PlanIndexAdapter } from '../../src/server/plan-index-adapter.js';
import { OpenApiResponses } from './openapi-check.js';
import { generatedPlan } from './plans.js';
import { slowTesseract, stops } from '../helpers/slow-tesseract.js';

const responses = new OpenApiResponses(openApiDocument());
const TOKEN = '0123456789abcdef0123';

async function checkUpload(
  url: string,
  name: string,
  bytes: Uint8Array | string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const r = await fetch(`${url}/v1/check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  const body = (await r.json()) as Record<string, unknown>;
  responses.check('POST', '/v1/check', r.status, r.headers.get('content-type'), body);
  return { status: r.status, body };
}

describe('saochep serve: uploads are read in threads the time limit stops', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saochep-upload-readers-'));
  let app: FastifyInstance | undefined;
  afterAll(async () => {
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('stops a runaway reading at the limit, kills its OCR program, and reads the next upload', async () => {
    const slow = slowTesseract(tmp);
    const index = new PlanIndex();
    const plan = generatedPlan(3);
    index.add({ id: 'plan-3', text: plan });
    app = await buildApp({
      index: new PlanIndexAdapter(index),
      token: new BearerToken(TOKEN),
      timeLimit: 3000,
      readers: 1,
      ocr: { tesseract: slow.path, pageTimeout: 3600 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const stopped = await checkUpload(url, 'scan.png', new Uint8Array(64));
    expect(stopped.status).toBe(503);
    expect((stopped.body.error as { code: string }).code).toBe('ERR_SAOCHEP_TIMEOUT');
    const pid = slow.pid();
    expect(pid).toBeDefined();
    // Read in the server's thread, the program would live on for its page timeout (an hour).
    expect(await stops(pid!)).toBe(true);

    // The one reader was replaced: the next upload is read and checked.
    const next = await checkUpload(url, 'plan.txt', plan);
    expect(next.status).toBe(200);
    expect(next.body.score).toBe(index.check({ text: plan }).score);
    expect((next.body.matches as Array<{ id: string }>)[0].id).toBe('plan-3');
  }, 120_000);
});
