/**
 * Responses checked against the server's own OpenAPI document: the schema of
 * the path, method, status and content type, compiled with Ajv for JSON
 * Schema 2020-12 (what OpenAPI 3.1 uses), refs resolved inside the document.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

/** A checker of responses against one OpenAPI document. */
export class OpenApiResponses {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  /** The operations a response was checked for, as "METHOD /path status". */
  readonly seen = new Set<string>();

  constructor(private readonly document: Json) {}

  /** The path template of the document that `path` matches. */
  private template(path: string): string {
    const paths = Object.keys(this.document.paths as Json);
    for (const t of paths) {
      const pattern = new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (pattern.test(path)) return t;
    }
    throw new Error(`no path of the OpenAPI document matches ${path}`);
  }

  /**
   * Throw unless the document describes this response: the status is listed
   * for the operation, and a JSON body matches the schema given for it.
   */
  check(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    body: unknown,
  ): void {
    const path = new URL(url, 'http://x').pathname;
    const template = this.template(path);
    const operation = (this.document.paths as Json)[template] as Json;
    const op = operation[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`the OpenAPI document has no ${method} ${template}`);
    const response = (op.responses as Json)[String(status)] as Json | undefined;
    if (!response)
      throw new Error(`the OpenAPI document has no status ${status} for ${method} ${template}`);
    this.seen.add(`${method} ${template} ${status}`);
    const content = response.content as Record<string, { schema: Json }> | undefined;
    if (!content) {
      if (body !== undefined && body !== '')
        throw new Error(
          `${method} ${template} ${status} has a body the document does not describe`,
        );
      return;
    }
    if (!contentType?.startsWith('application/json'))
      throw new Error(
        `${method} ${template} ${status}: content type ${contentType}, the document says application/json`,
      );
    const key = `${template} ${method} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        ...content['application/json'].schema,
        components: this.document.components,
      });
      this.compiled.set(key, validate);
    }
    if (!validate(body))
      throw new Error(
        `${method} ${url} ${status} does not match the OpenAPI document: ${this.ajv.errorsText(validate.errors)}`,
      );
  }
}
