import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";

type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: Record<string, unknown>;
  servers?: Array<{ url: string }>;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/**
 * Checks real responses against the generated OpenAPI document with a JSON Schema validator
 * (ajv, draft 2020-12 as OpenAPI 3.1 uses): the operation is found by method and path
 * template, the status must be documented, the content type must be one it lists, and the body
 * must validate against that schema (`#/components/...` references resolved in the document).
 * Every checked (operation, status) is recorded, so a test can ask what was covered.
 */
export function createContract(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Response schemas refer to "#/components/schemas/X": make the document a schema resource.
  ajv.addSchema({ $id: "lumen-v1.json", components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const covered = new Map<string, Set<number>>();
  const operations = Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.filter((m) => m in item).map((method) => ({
      template,
      method,
      operation: item[method] as Operation,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    })),
  );

  function operationOf(method: string, path: string) {
    const found = operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path));
    if (!found) throw new Error(`no documented operation for ${method} ${path}`);
    return found;
  }

  /** Validates one response (body read from a clone); returns the parsed body, if any. */
  async function check(method: string, path: string, res: Response): Promise<unknown> {
    const { template, operation } = operationOf(method, path);
    const where = `${method.toUpperCase()} ${template} → ${res.status}`;
    const documented = operation.responses[String(res.status)];
    expect(documented, `${where} is not documented`).toBeDefined();
    const id = operation.operationId ?? template;
    if (!covered.has(id)) covered.set(id, new Set());
    covered.get(id)?.add(res.status);
    const content = documented?.content;
    const text = await res.clone().text();
    if (!content) {
      expect(text, `${where} documents no body`).toBe("");
      return undefined;
    }
    const mediaType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const media = content[mediaType];
    expect(
      media,
      `${where}: content type "${mediaType}" not in ${Object.keys(content)}`,
    ).toBeDefined();
    const key = `${where} ${mediaType}`;
    let validate = compiled.get(key);
    if (!validate) {
      const schema = JSON.parse(
        JSON.stringify(media?.schema).replaceAll('"#/components/', '"lumen-v1.json#/components/'),
      );
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    const body = JSON.parse(text);
    const ok = validate(body);
    expect(ok, `${where}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`).toBe(true);
    return body;
  }

  return {
    check,
    operations: operations.map((o) => ({
      id: o.operation.operationId ?? o.template,
      method: o.method,
      template: o.template,
    })),
    /** Statuses seen per operation id. */
    covered: () => covered,
  };
}

export type Contract = ReturnType<typeof createContract>;
