/**
 * The JSON Schemas of the API: the server validates requests with them and
 * the OpenAPI document describes requests and responses with the same
 * objects, so the two cannot drift apart. Plain JSON Schema that draft-07
 * (the server's validator) and 2020-12 (OpenAPI 3.1) read alike.
 */

/** A JSON Schema object. */
export type Schema = Record<string, unknown>;

/**
 * An id: 1–256 characters, letters, digits and `. _ - / : ( ) space`, not
 * starting with a separator. Ids are never used as file names.
 */
export const ID_PATTERN = '^[\\p{L}\\p{N}_][\\p{L}\\p{N}\\p{M}._:()/ -]{0,255}$';

/** The id in a path. */
export const idParams: Schema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 256, pattern: ID_PATTERN } },
};

/** A plan as JSON. */
export const planBody: Schema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: {
      type: 'string',
      description: 'The plan, in any form saochep reads (Unicode, TCVN3, VNI).',
    },
    meta: {
      type: 'object',
      description: 'Anything JSON carries; meta.date (2021-11-18 or 18/11/2021) dates the plan.',
    },
  },
};

/** A plan as a file upload: the file, and optional meta as a JSON string. */
export const planUpload: Schema = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      contentMediaType: 'application/octet-stream',
      description: 'A .docx, .doc, .pdf, .txt, .md or .html file, by its file name.',
    },
    meta: { type: 'string', description: 'A JSON object, as in the JSON form.' },
  },
};

/** Query options of POST /v1/check. */
export const checkQuery: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: {
      type: 'integer',
      minimum: 0,
      maximum: 1000,
      default: 10,
      description: 'Matches returned at most.',
    },
    onlyEarlier: {
      type: 'boolean',
      default: false,
      description: 'Count only sources dated before the plan.',
    },
    sameDay: {
      type: 'boolean',
      default: false,
      description: 'With onlyEarlier: sources of the same day count too.',
    },
    passages: { type: 'boolean', default: true, description: 'Return the copied passages.' },
    date: {
      type: 'string',
      maxLength: 40,
      description: "The plan's date (2021-11-18 or 18/11/2021).",
    },
  },
};

/** Query options of PUT /v1/plans/{id}. */
export const putQuery: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reference: {
      type: 'boolean',
      default: false,
      description: 'Index a directive or template as a reference.',
    },
  },
};

const errorSchema: Schema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', pattern: '^ERR_SAOCHEP_[A-Z_]+$' },
        message: { type: 'string' },
      },
    },
  },
};

const edit: Schema = {
  type: 'object',
  required: ['start', 'end', 'sourceStart', 'sourceEnd', 'type'],
  properties: {
    start: { type: 'integer' },
    end: { type: 'integer' },
    sourceStart: { type: 'integer' },
    sourceEnd: { type: 'integer' },
    type: { enum: ['name', 'number', 'words'] },
  },
};

const passage: Schema = {
  type: 'object',
  required: ['start', 'end', 'sourceStart', 'sourceEnd', 'kind', 'edits'],
  properties: {
    start: { type: 'integer', description: 'Offset in the checked text (UTF-16 code units).' },
    end: { type: 'integer' },
    sourceStart: { type: 'integer', description: "Offset in the source's text." },
    sourceEnd: { type: 'integer' },
    kind: { enum: ['verbatim', 'edited'] },
    edits: { type: 'array', items: { $ref: '#/components/schemas/PassageEdit' } },
  },
};

const share = { type: 'number', minimum: 0, maximum: 1 };

const match: Schema = {
  type: 'object',
  required: ['id', 'similarity', 'containment', 'reference', 'passages'],
  properties: {
    id: { type: 'string' },
    similarity: share,
    containment: share,
    reference: { type: 'boolean' },
    earlier: { type: 'boolean' },
    meta: { type: 'object' },
    passages: { type: 'array', items: { $ref: '#/components/schemas/Passage' } },
  },
};

const reading: Schema = {
  type: 'object',
  required: ['format', 'encoding', 'language', 'characters', 'header'],
  additionalProperties: false,
  properties: {
    format: { enum: ['json', 'txt', 'md', 'html', 'docx', 'doc', 'pdf', 'png', 'jpg', 'tiff'] },
    byteEncoding: { enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] },
    readBy: {
      enum: ['text', 'ocr', 'text+ocr'],
      description: "An upload's text from its text, by OCR of a scan, or both.",
    },
    ocrPages: { type: 'integer', minimum: 1, description: 'Pages read by OCR.' },
    encoding: { enum: ['unicode', 'tcvn3', 'vni'], description: 'The text encoding recognised.' },
    language: { type: 'string', description: "ISO 639-1 code, '' when unsure." },
    characters: { type: 'integer', minimum: 0 },
    header: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unit: { type: 'string' },
        number: { type: 'string' },
        type: { type: 'string' },
        typeFrom: { enum: ['line', 'subject', 'number'] },
        title: { type: 'string' },
        date: { type: 'string' },
      },
    },
  },
};

const checkResponse: Schema = {
  type: 'object',
  required: ['score', 'matches', 'ignored', 'breakdown', 'finding', 'reading'],
  additionalProperties: false,
  properties: {
    score: share,
    matches: { type: 'array', items: { $ref: '#/components/schemas/PlanMatch' } },
    ignored: share,
    breakdown: {
      type: 'object',
      required: ['fromReferences', 'fromPeers', 'original'],
      additionalProperties: false,
      properties: { fromReferences: share, fromPeers: share, original: share },
    },
    finding: {
      type: 'object',
      required: ['vi', 'en'],
      additionalProperties: false,
      properties: { vi: { type: 'string' }, en: { type: 'string' } },
    },
    reading: { $ref: '#/components/schemas/Reading' },
  },
};

const planInfo: Schema = {
  type: 'object',
  required: ['id', 'reference', 'date', 'meta', 'indexed'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    reference: { type: 'boolean' },
    date: { type: ['string', 'null'], description: 'ISO date from meta.date or the date line.' },
    meta: { type: ['object', 'null'] },
    indexed: { const: true },
  },
};

const putResponse: Schema = {
  type: 'object',
  required: ['id', 'reference', 'date', 'meta', 'indexed', 'reading'],
  additionalProperties: false,
  properties: {
    ...(planInfo.properties as Schema),
    reading: { $ref: '#/components/schemas/Reading' },
  },
};

const stats: Schema = {
  type: 'object',
  required: [
    'saochep',
    'store',
    'documents',
    'references',
    'unsavedWrites',
    'lastSnapshot',
    'indexBytes',
    'textBytes',
    'options',
    'uptimeSeconds',
  ],
  additionalProperties: false,
  properties: {
    saochep: { type: 'string' },
    store: {
      enum: ['file', 'memory', 'redis'],
      description:
        'What backs the index: a saved file and its log, memory only, or a shared archive in Redis.',
    },
    archive: {
      type: 'string',
      description: 'With store "redis": the archive\'s name (?name= of the URL).',
    },
    documents: { type: 'integer', minimum: 0 },
    references: { type: 'integer', minimum: 0 },
    unsavedWrites: { type: 'integer', minimum: 0 },
    lastSnapshot: { type: ['string', 'null'] },
    indexBytes: { type: 'integer', minimum: 0 },
    textBytes: { type: 'integer', minimum: 0 },
    checkThreads: {
      type: 'integer',
      minimum: 0,
      description:
        "Worker threads checking, each with a replica of the index (saochep serve --jobs); 0 while they load and without --jobs: checks run on the server's own thread.",
    },
    options: { type: 'object' },
    uptimeSeconds: { type: 'number', minimum: 0 },
  },
};

const health: Schema = {
  type: 'object',
  required: ['status', 'saochep'],
  additionalProperties: false,
  properties: {
    status: { enum: ['ok', 'ready', 'loading', 'unavailable'] },
    saochep: { type: 'string' },
  },
};

/** The named schemas of the OpenAPI document's components. */
export const componentSchemas: Record<string, Schema> = {
  Error: errorSchema,
  PlanText: planBody,
  PlanUpload: planUpload,
  PassageEdit: edit,
  Passage: passage,
  PlanMatch: match,
  Reading: reading,
  CheckResponse: checkResponse,
  PlanInfo: planInfo,
  PutResponse: putResponse,
  Stats: stats,
  Health: health,
};
