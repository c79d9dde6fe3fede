/**
 * The OpenAPI 3.1 description of the API, built from the schemas the server
 * validates requests with (src/server/schemas.ts).
 */
import { VERSION } from '../version.js';
import { type Schema, checkQuery, componentSchemas, idParams, putQuery } from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

function errorResponses(...statuses: number[]): Record<string, unknown> {
  const why: Record<number, string> = {
    400: 'Invalid request: a bad id, option, body or meta.',
    401: 'No or a wrong bearer token.',
    403: 'Writes are disabled (the server runs without a token file).',
    404: 'No plan with this id.',
    409: 'A plan with this id is already indexed.',
    413: 'The body is larger than the limit.',
    415: 'Not JSON nor multipart/form-data, or a file type saochep does not read.',
    422: 'The document cannot be read: damaged, encrypted, empty, binary, or past a reading limit.',
    503: 'The index is loading, the store is down, the request ran out of time, or the server is stopping.',
  };
  return Object.fromEntries(
    statuses.map((s) => [String(s), { description: why[s], content: json('Error') }]),
  );
}

function queryParameters(schema: Schema): unknown[] {
  return Object.entries(schema.properties as Record<string, Schema>).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    description: property.description,
    schema: Object.fromEntries(Object.entries(property).filter(([key]) => key !== 'description')),
  }));
}

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The plan's id (URL-encoded: a / is %2F).",
  schema: (idParams.properties as Record<string, Schema>).id,
};

const planRequest = {
  required: true,
  content: {
    'application/json': { schema: ref('PlanText') },
    'multipart/form-data': { schema: ref('PlanUpload') },
  },
};

/** The OpenAPI document served at /v1/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'saochep serve',
      version: VERSION,
      description:
        'Checks a plan (kế hoạch) against an archive of plans and directives when it is uploaded: how much of it is copied, from which documents, and the copied passages.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Required on every request but /v1/health when the server runs with --token-file.',
        },
      },
      schemas: componentSchemas,
    },
    paths: {
      '/v1/check': {
        post: {
          operationId: 'check',
          summary: 'Check a plan against the index (nothing is added).',
          parameters: queryParameters(checkQuery),
          requestBody: planRequest,
          responses: {
            '200': {
              description: 'The check result and what reading the plan found.',
              content: json('CheckResponse'),
            },
            ...errorResponses(400, 401, 413, 415, 422, 503),
          },
        },
      },
      '/v1/plans/{id}': {
        parameters: [idParameter],
        put: {
          operationId: 'putPlan',
          summary:
            'Index a plan (or, with reference=true, a directive or template). Durable once answered.',
          parameters: queryParameters(putQuery),
          requestBody: planRequest,
          responses: {
            '201': { description: 'Indexed.', content: json('PutResponse') },
            ...errorResponses(400, 401, 403, 409, 413, 415, 422, 503),
          },
        },
        get: {
          operationId: 'getPlan',
          summary: "An indexed plan's meta, date and kind.",
          responses: {
            '200': { description: 'The plan is indexed.', content: json('PlanInfo') },
            ...errorResponses(400, 401, 404, 503),
          },
        },
        delete: {
          operationId: 'deletePlan',
          summary: 'Remove a plan from the index. Durable once answered.',
          responses: {
            '204': { description: 'Removed.' },
            ...errorResponses(400, 401, 403, 404, 503),
          },
        },
      },
      '/v1/stats': {
        get: {
          operationId: 'stats',
          summary: 'Counts, memory and state of the index.',
          responses: {
            '200': { description: 'The stats.', content: json('Stats') },
            ...errorResponses(401, 503),
          },
        },
      },
      '/v1/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness: the process answers. No token needed.',
          security: [],
          responses: { '200': { description: 'Alive.', content: json('Health') } },
        },
      },
      '/v1/ready': {
        get: {
          operationId: 'ready',
          summary: 'Readiness: the index is loaded (or the store reachable).',
          responses: {
            '200': { description: 'Ready.', content: json('Health') },
            '503': { description: 'Loading or unavailable.', content: json('Health') },
            ...errorResponses(401),
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            ...errorResponses(401),
          },
        },
      },
    },
  };
}
