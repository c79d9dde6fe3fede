/**
 * The HTTP API of `saochep serve` (Fastify): the routes under /v1, bearer
 * tokens, the body and time limits, and every error answered as
 * `{ "error": { "code", "message" } }` with its status.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { availableParallelism } from 'node:os';
import type { CheckOptions, PlanDoc } from '../plan-index/plan-index.js';
import { SaochepError } from '../errors.js';
import { VERSION } from '../version.js';
import type { BearerToken } from './auth.js';
import { ServiceError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import type { OcrMode, SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import { UploadReaders } from './upload-readers.js';
import { type RequestPlan, metaFromField, planFromJson, planFromUpload } from './read-upload.js';
import { checkQuery, idParams, planBody, putQuery } from './schemas.js';
import type { ServedIndex } from './served-index.js';

/** Options of {@link buildApp}. */
export interface AppOptions {
  index: ServedIndex;
  /** Every request but /v1/health must carry it; without one, writes are refused unless allowed below. */
  token?: BearerToken;
  /** Accept PUT and DELETE without a token (only behind a gateway that authenticates). Default false. */
  allowUnauthenticatedWrites?: boolean;
  /** Largest request body in bytes (JSON or upload); 413 past it. Default 20 MiB. */
  bodyLimit?: number;
  /** Milliseconds a request may take, from its first byte to its answer; 503 past it. Default 30,000. */
  timeLimit?: number;
  /**
   * OCR of uploaded scans (PDF pages without text, images): a mode or OCR
   * options. Default `auto`, each page within the request's time limit.
   */
  ocr?: OcrMode | SerializableOcrOptions;
  /**
   * Threads that read uploaded files (1–64), so that the time limit stops a
   * reading that runs away. Default: 2, or 1 on a one-core machine.
   */
  readers?: number;
  /** Told about requests that failed on the server's side (500). */
  onError?: (error: unknown) => void;
}

/** Default body limit: 20 MiB. */
export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
/** Default time limit per request: 30 s. */
export const DEFAULT_TIME_LIMIT = 30_000;

interface CheckQuery {
  limit?: number;
  onlyEarlier?: boolean;
  sameDay?: boolean;
  passages?: boolean;
  date?: string;
}

function requestTimeout(ms: number): ServiceError {
  return new ServiceError(
    'ERR_SAOCHEP_TIMEOUT',
    `the request took longer than the server's limit of ${ms / 1000} s. Send a smaller document, or ask for a longer --time-limit.`,
  );
}

/**
 * Reject with ERR_SAOCHEP_TIMEOUT when `work` takes longer than `ms`. The
 * work is given its deadline (a Date.now() time) to stop at itself: a check
 * runs on this thread, and only a check that stops frees it.
 */
function withDeadline<T>(work: (deadline: number) => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(requestTimeout(ms)), ms);
  });
  const done = work(Date.now() + ms).catch((error: unknown) => {
    // The library's check stopped at the deadline: said as the server's limit (a ServiceError, such
    // as the upload reader's timeout, already says what took too long).
    if (error instanceof SaochepError && error.code === 'ERR_SAOCHEP_TIMEOUT')
      throw requestTimeout(ms);
    throw error;
  });
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/** The status and body for errors Fastify and its plugins raise before a handler runs. */
function frameworkError(error: FastifyError, bodyLimit: number): ServiceError | undefined {
  const mb = `${(bodyLimit / 1024 / 1024).toFixed(bodyLimit % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (error.validation)
    return new ServiceError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `${error.validationContext ?? 'request'}: ${error.validation.map((v) => `${v.instancePath || '(root)'} ${v.message}`).join('; ')}.`,
    );
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new ServiceError(
        'ERR_SAOCHEP_BODY_TOO_LARGE',
        `the request is larger than this server's limit (${mb}, one file and its meta). Send a smaller document, or ask for a larger --body-limit.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ServiceError(
        'ERR_SAOCHEP_UNSUPPORTED_MEDIA_TYPE',
        'send the plan as application/json ({ "text", "meta"? }) or as multipart/form-data with a "file" field.',
      );
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return new ServiceError('ERR_SAOCHEP_INVALID_ARGUMENT', `bad request: ${error.message}`);
  return undefined;
}

/** Build the app (not listening yet). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { default: fastify } = await import('fastify');
  const { default: multipart } = await import('@fastify/multipart');
  const { Ajv } = await import('ajv');
  const { index, token } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const timeLimit = options.timeLimit ?? DEFAULT_TIME_LIMIT;
  const given = options.ocr ?? {};
  const ocr: SerializableOcrOptions = {
    pageTimeout: Math.min(120, Math.max(1, timeLimit / 1000)),
    ...(typeof given === 'string' ? { mode: given } : given),
  };
  const readers = new UploadReaders(options.readers ?? Math.min(2, availableParallelism()), ocr);
  const allowWrites = token !== undefined || options.allowUnauthenticatedWrites === true;

  const app = fastify({
    bodyLimit,
    // Receiving the request counts against the time limit too (slow clients).
    requestTimeout: timeLimit,
    return503OnClosing: false,
    // An id of 256 characters, URL-encoded (up to 9 bytes each): longer ones are refused by the schema, not as 414.
    routerOptions: { maxParamLength: 2304 },
    logger: false,
  });
  // Bodies are never coerced (a number is not a text); query strings and paths are strings to coerce.
  const strict = new Ajv({
    allErrors: false,
    coerceTypes: false,
    useDefaults: false,
    strict: false,
  });
  const coercing = new Ajv({
    allErrors: false,
    coerceTypes: true,
    useDefaults: true,
    strict: false,
  });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
  const validPlanBody = strict.compile(planBody);
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, {
    limits: { fileSize: bodyLimit, files: 1, fields: 2, parts: 3, fieldSize: 1024 * 1024 },
  });

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // After the requests in flight are answered.
  app.addHook('onClose', () => readers.close());
  // An answer finished while closing ends its connection: a keep-alive socket would hold close() open.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // Failed to load, or loaded and then lost (a Redis that went down): "unavailable", not "loading".
  let loadFailed = false;
  let loaded = false;
  index.ready().then(
    () => (loaded = true),
    () => (loadFailed = true),
  );

  const send = (reply: FastifyReply, error: unknown) => {
    const { status, body } = errorResponse(error);
    if (status === 500) options.onError?.(error);
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="saochep"');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };

  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      return send(
        reply,
        new ServiceError(
          'ERR_SAOCHEP_UNAVAILABLE',
          'the server is stopping: send the request again to a running server.',
        ),
      );
    }
    if (request.routeOptions.url === '/v1/health') return;
    if (token) {
      if (!token.accepts(request.headers.authorization))
        return send(
          reply,
          new ServiceError(
            'ERR_SAOCHEP_UNAUTHORIZED',
            "send the token as Authorization: Bearer <token> (the one in the server's --token-file).",
          ),
        );
    } else if ((request.method === 'PUT' || request.method === 'DELETE') && !allowWrites) {
      return send(
        reply,
        new ServiceError(
          'ERR_SAOCHEP_WRITES_DISABLED',
          'writes need a token: start the server with --token-file (or, behind a gateway that authenticates, --allow-unauthenticated-writes).',
        ),
      );
    }
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    send(reply, frameworkError(error, bodyLimit) ?? error);
  });
  app.setNotFoundHandler((request, reply) => {
    send(
      reply,
      new ServiceError(
        'ERR_SAOCHEP_NOT_FOUND',
        `no endpoint ${request.method} ${request.url.split('?')[0].slice(0, 200)}: see /v1/openapi.json.`,
      ),
    );
  });

  /** The plan of a check or a PUT: JSON or an upload, read by `deadline` (the request's). */
  async function planOf(request: FastifyRequest, deadline: number): Promise<RequestPlan> {
    if (!request.isMultipart()) {
      if (!validPlanBody(request.body)) {
        const why = (validPlanBody.errors ?? [])
          .map((e) => `${e.instancePath || '(root)'} ${e.message}`)
          .join('; ');
        throw new ServiceError(
          'ERR_SAOCHEP_INVALID_DOCUMENT',
          `the body must be { "text": string, "meta"?: object }: ${why}.`,
        );
      }
      return planFromJson(request.body as { text: string; meta?: Record<string, unknown> });
    }
    let file: { name: string | undefined; bytes: Uint8Array } | undefined;
    let meta: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file')
          throw new ServiceError(
            'ERR_SAOCHEP_INVALID_ARGUMENT',
            `the upload's file field must be named "file", got "${part.fieldname.slice(0, 40)}".`,
          );
        file = { name: part.filename, bytes: await part.toBuffer() };
      } else if (part.fieldname === 'meta') meta = String(part.value);
      else
        throw new ServiceError(
          'ERR_SAOCHEP_INVALID_ARGUMENT',
          `unknown form field "${part.fieldname.slice(0, 40)}": an upload has "file" and, optionally, "meta".`,
        );
    }
    if (!file)
      throw new ServiceError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        'the upload has no "file" field: send the document as the form field "file".',
      );
    return planFromUpload(file.name, file.bytes, metaFromField(meta), (name, bytes) =>
      readers.read(name, bytes, deadline, timeLimit),
    );
  }

  const timed = <T>(work: (deadline: number) => Promise<T>) => withDeadline(work, timeLimit);

  app.post('/v1/check', { schema: { querystring: checkQuery } }, async (request) => {
    const q = request.query as CheckQuery;
    if (q.sameDay && !q.onlyEarlier)
      throw new ServiceError('ERR_SAOCHEP_INVALID_OPTION', 'sameDay goes with onlyEarlier=true.');
    return timed(async (deadline) => {
      const plan = await planOf(request, deadline);
      const checkOptions: CheckOptions = {
        deadline,
        limit: q.limit ?? 10,
        onlyEarlier: q.onlyEarlier === true,
        includeSameDay: q.sameDay === true,
        passages: q.passages !== false,
        ...(q.date !== undefined ? { date: q.date } : {}),
      };
      const result = await index.check(
        { text: plan.text, ...(plan.meta ? { meta: plan.meta } : {}) },
        checkOptions,
      );
      return { ...result, reading: plan.reading };
    });
  });

  app.put(
    '/v1/plans/:id',
    { schema: { params: idParams, querystring: putQuery } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { reference } = request.query as { reference?: boolean };
      const { info, reading } = await timed(async (deadline) => {
        const plan = await planOf(request, deadline);
        const doc: PlanDoc = { id, text: plan.text, ...(plan.meta ? { meta: plan.meta } : {}) };
        const added = reference === true ? await index.addReference(doc) : await index.add(doc);
        return { info: added, reading: plan.reading };
      });
      return reply
        .code(201)
        .header('location', `/v1/plans/${encodeURIComponent(id)}`)
        .send({ ...info, indexed: true, reading });
    },
  );

  app.get('/v1/plans/:id', { schema: { params: idParams } }, async (request) => {
    const { id } = request.params as { id: string };
    const info = await timed(() => index.get(id));
    if (!info) throw notFound(id);
    return { ...info, indexed: true };
  });

  app.delete('/v1/plans/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!(await timed(() => index.remove(id)))) throw notFound(id);
    return reply.code(204).send();
  });

  app.get('/v1/stats', async () => {
    const stats = await timed(() => index.stats());
    return {
      saochep: VERSION,
      ...stats,
      uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
    };
  });

  app.get('/v1/health', async () => ({ status: 'ok', saochep: VERSION }));

  app.get('/v1/ready', async (_request, reply) => {
    if (index.isReady()) return { status: 'ready', saochep: VERSION };
    return reply
      .code(503)
      .send({ status: loadFailed || loaded ? 'unavailable' : 'loading', saochep: VERSION });
  });

  const document = openApiDocument();
  app.get('/v1/openapi.json', async () => document);

  return app;
}

function notFound(id: string): ServiceError {
  return new ServiceError('ERR_SAOCHEP_NOT_FOUND', `no plan with id "${id}" is indexed.`);
}
