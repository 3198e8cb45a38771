import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, jsonSchemaOf } from "@/lib/api/openapi";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { CASE_ACTIONS, CASE_STATUSES } from "@/lib/cases/workflow";
import { ZCaseActionInput, ZCreateCase } from "@/lib/cases/schemas";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type TJson = Record<string, unknown>;
const doc = buildOpenApiDocument() as unknown as TJson & { paths: Record<string, Record<string, TJson>>; components: TJson };

/** Route handler files under app/api/v1 as OpenAPI paths (`[id]` → `{id}`) with their methods. */
function routeFiles(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/v1/${path.relative(API_DIR, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        const methods = [...fs.readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
        out.set(route, methods.sort());
      }
    }
  };
  walk(API_DIR);
  return out;
}

function resolve(node: unknown): TJson {
  const r = (node as { $ref?: string }).$ref;
  if (!r) return node as TJson;
  const target = r.replace(/^#\//, "").split("/").reduce<unknown>((at, key) => (at as TJson)?.[key], doc);
  expect(target, `${r} resolves`).toBeDefined();
  return resolve(target);
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a bearer security scheme applied to every operation", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }) });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("describes exactly the route handlers under app/api/v1 (besides itself), method for method", () => {
    const routes = routeFiles();
    expect(routes.get("/api/v1/openapi.json")).toEqual(["get"]);
    routes.delete("/api/v1/openapi.json");
    const documented = new Map(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).filter((k) => (METHODS as readonly string[]).includes(k)).sort()]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(routes));
    for (const p of ["/api/v1/cases", "/api/v1/cases/{caseNo}", "/api/v1/cases/{caseNo}/actions", "/api/v1/elders", "/api/v1/policy/evaluate", "/api/v1/assessments/{id}", "/api/v1/assessments/{id}/confirm"]) {
      expect(documented.has(p), p).toBe(true);
    }
  });

  it("gives every operation an id, its path parameters, a success response with a schema and the error responses", () => {
    const ids = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      const pathParams = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${p}`;
        expect(typeof op.operationId, where).toBe("string");
        expect(ids.has(op.operationId as string), `${where} unique operationId`).toBe(false);
        ids.add(op.operationId as string);
        const params = (op.parameters as TJson[] | undefined) ?? [];
        expect(params.filter((x) => x.in === "path").map((x) => x.name), where).toEqual(pathParams);
        const responses = op.responses as Record<string, unknown>;
        const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
        expect(success, where).toHaveLength(1);
        const body = resolve(responses[success[0]]) as { content: Record<string, { schema: unknown }> };
        expect(resolve(body.content["application/json"].schema).type, where).toBe("object");
        for (const status of ["401", "500"]) {
          const error = resolve(responses[status]) as { content: Record<string, { schema: unknown }> };
          expect(error.content["application/json"].schema, `${where} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
        }
        if (method === "post") expect(op.requestBody, where).toBeDefined();
      }
    }
    for (const r of refsIn(doc)) resolve({ $ref: r });
  });

  it("documents the case actions, statuses and error codes of the code", () => {
    const actionBody = resolve((doc.paths["/api/v1/cases/{caseNo}/actions"].post.requestBody as { content: Record<string, { schema: unknown }> }).content["application/json"].schema);
    const props = actionBody.properties as Record<string, TJson>;
    expect(props.action.enum).toEqual([...CASE_ACTIONS]);
    expect(actionBody.required).toEqual(["action", "expectedVersion"]);
    const result = resolve({ $ref: "#/components/schemas/CaseActionResult" });
    expect((result.properties as Record<string, TJson>).status.enum).toEqual([...CASE_STATUSES]);
    const error = resolve({ $ref: "#/components/schemas/Error" }) as { properties: { error: { properties: { code: TJson } } } };
    expect(error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_STATUS));
    expect(Object.keys(doc.paths["/api/v1/cases"].post.responses as TJson)).toEqual(expect.arrayContaining(["201", "401", "403", "404", "409", "422"]));
    expect(Object.keys(doc.paths["/api/v1/cases/{caseNo}/actions"].post.responses as TJson)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "409", "422"]));
  });

  it("marks as required exactly the request fields whose absence the schema refuses", () => {
    expect(jsonSchemaOf(ZCreateCase, "input").required).toEqual(["elderId", "itemCode", "channel"]);
    expect(jsonSchemaOf(ZCaseActionInput, "input").required).toEqual(["action", "expectedVersion"]);
    const phone = (jsonSchemaOf(ZCreateCase, "input").properties as Record<string, { anyOf: unknown[] }>).applicantPhone;
    expect(phone.anyOf).toEqual([{ type: "string" }, { type: "null" }]);
    const elders = doc.paths["/api/v1/elders"].get.parameters as TJson[];
    expect(elders.map((p) => [p.name, p.in, p.required])).toEqual([
      ["limit", "query", false],
      ["cursor", "query", false],
      ["q", "query", false],
    ]);
    const evaluate = doc.paths["/api/v1/policy/evaluate"].get.parameters as TJson[];
    expect(evaluate.map((p) => [p.name, p.required])).toEqual([
      ["elderId", true],
      ["asOf", false],
    ]);
  });
});
