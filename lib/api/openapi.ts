// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Request and response
// schemas come from the zod schemas the handlers use (zod 4's z.toJSONSchema), so the document
// follows the code; lib/api/openapi.test.ts checks that it names every route handler.
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { ZCaseActionInput, ZCreateCase } from "@/lib/cases/schemas";
import {
  ZApiError,
  ZAssessment,
  ZAssessmentConfirmBody,
  ZAssessmentConfirmed,
  ZCaseActionResult,
  ZCaseCreated,
  ZCaseResource,
  ZElderPage,
  ZElderPageQuery,
  ZJob,
  ZPolicyEvaluateQuery,
  ZPolicyEvaluation,
} from "@/lib/api/schemas";

type TJson = Record<string, unknown>;
type TIo = "input" | "output";

/**
 * Drops what only adds noise for readers: `{}` members of anyOf (zod's rendering of an absent
 * value), the $schema marker, the regex behind `format: uuid` and the safe-integer bounds.
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== "object" || node === null) return node;
  const out: TJson = {};
  const source = node as TJson;
  for (const [key, value] of Object.entries(source)) {
    if (key === "$schema") continue;
    if (key === "pattern" && source.format === "uuid") continue;
    if ((key === "minimum" || key === "maximum") && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    if (key === "anyOf" && Array.isArray(value)) {
      const members = value.filter((m) => !(typeof m === "object" && m !== null && Object.keys(m).length === 0));
      out[key] = tidy(members.length ? members : value);
      continue;
    }
    out[key] = tidy(value);
  }
  return out;
}

/**
 * The JSON Schema of a zod schema. For request objects (`input`), a field is required exactly
 * when the schema refuses its absence: fields that default or read a missing value as null are
 * optional, whatever their JSON type.
 */
export function jsonSchemaOf(schema: z.ZodType, io: TIo): TJson {
  const json = tidy(z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" })) as TJson;
  if (io === "input" && schema instanceof z.ZodObject) {
    const required = Object.entries(schema.shape as Record<string, z.ZodType>)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([key]) => key);
    if (required.length) json.required = required;
    else delete json.required;
  }
  return json;
}

/** One query parameter per field of a query schema. */
function queryParameters(schema: z.ZodObject): TJson[] {
  const json = jsonSchemaOf(schema, "input");
  const properties = json.properties as Record<string, TJson>;
  const required = (json.required as string[] | undefined) ?? [];
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: required.includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const pathParameter = (name: string, description: string, schema: TJson) => ({ name, in: "path", required: true, description, schema });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: TJson, description: string) => ({ description, content: { "application/json": { schema } } });
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The error responses, one per HTTP status the API answers with. */
const ERROR_RESPONSES = {
  Unauthenticated: { status: "401", description: "未登录，或令牌无效、已吊销、账户已停用（UNAUTHENTICATED）" },
  Forbidden: { status: "403", description: "角色无权执行该操作（FORBIDDEN）" },
  NotFound: { status: "404", description: "记录不存在，或不在调用者的管辖范围内（NOT_FOUND）" },
  Conflict: { status: "409", description: "已被他人处理或状态不允许（CASE_CONFLICT、CASE_WRONG_STATE、STALE_VERSION 等）" },
  Validation: { status: "422", description: "请求内容有误，fieldErrors 按字段说明（VALIDATION 等）" },
} as const;
type TErrorResponse = keyof typeof ERROR_RESPONSES;

function responses(success: Record<string, unknown>, errors: TErrorResponse[]) {
  const out: Record<string, unknown> = { ...success };
  for (const name of ["Unauthenticated", ...errors] as TErrorResponse[]) out[ERROR_RESPONSES[name].status] = errorRef(name);
  out["500"] = errorRef("Internal");
  return out;
}

const CASE_NO = pathParameter("caseNo", "业务编号，如 610403-2026-000123", { type: "string", pattern: "^\\d{6}-\\d{4}-\\d{6}$" });
const ASSESSMENT_ID = pathParameter("id", "评估记录 ID", { type: "string", format: "uuid" });
const JOB_ID = pathParameter("id", "任务 ID", { type: "string", format: "uuid" });

export function buildOpenApiDocument() {
  const schemas: Record<string, TJson> = {
    Error: jsonSchemaOf(ZApiError, "output"),
    CaseCreateRequest: jsonSchemaOf(ZCreateCase, "input"),
    CaseCreated: jsonSchemaOf(ZCaseCreated, "output"),
    Case: jsonSchemaOf(ZCaseResource, "output"),
    CaseActionRequest: jsonSchemaOf(ZCaseActionInput, "input"),
    CaseActionResult: jsonSchemaOf(ZCaseActionResult, "output"),
    ElderPage: jsonSchemaOf(ZElderPage, "output"),
    PolicyEvaluation: jsonSchemaOf(ZPolicyEvaluation, "output"),
    Assessment: jsonSchemaOf(ZAssessment, "output"),
    AssessmentConfirmRequest: jsonSchemaOf(ZAssessmentConfirmBody, "input"),
    AssessmentConfirmed: jsonSchemaOf(ZAssessmentConfirmed, "output"),
    Job: jsonSchemaOf(ZJob, "output"),
  };
  const errorResponses = Object.fromEntries([
    ...Object.entries(ERROR_RESPONSES).map(([name, r]) => [name, json(ref("Error"), r.description)]),
    ["Internal", json(ref("Error"), "系统错误，message 中有事件编号（INTERNAL）")],
  ]);

  return {
    openapi: "3.1.0",
    info: {
      title: "颐养 Yiyang API",
      version: "1.0.0",
      description: [
        "县级基本养老服务体系业务系统的对接接口。",
        "认证：在请求头中携带 `Authorization: Bearer yy_…`。令牌由县级管理员在「系统管理 › 人员账户」中为某个账户签发（或 `npm run cli -- tokens create --user <用户名>`），",
        "以该账户的角色和管辖区划调用接口；管辖范围以外的记录一律视为不存在（404）。",
        `错误一律为 {"error": {"code", "message", "fieldErrors"?}}，code 与 HTTP 状态码的对应：${Object.entries(ERROR_STATUS)
          .map(([code, status]) => `${code} ${status}`)
          .join("，")}。`,
        "金额单位为分（fen），日期为 YYYY-MM-DD（Asia/Shanghai）。",
      ].join("\n"),
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "cases", description: "业务办理（申请、审核、审批）" },
      { name: "elders", description: "老年人档案" },
      { name: "policy", description: "政策引擎" },
      { name: "assessments", description: "能力评估" },
      { name: "jobs", description: "后台任务（导入、预览等耗时工作的进度与结果）" },
    ],
    paths: {
      "/api/v1/cases": {
        post: {
          operationId: "createCase",
          tags: ["cases"],
          summary: "发起申请（村（社区）经办员或乡镇（街道）审核员）",
          requestBody: { required: true, content: { "application/json": { schema: ref("CaseCreateRequest") } } },
          responses: responses(
            { "201": { ...json(ref("CaseCreated"), "已创建申请（草稿）"), headers: { Location: { description: "新申请的地址", schema: { type: "string" } } } } },
            ["Forbidden", "NotFound", "Conflict", "Validation"],
          ),
        },
      },
      "/api/v1/cases/{caseNo}": {
        get: {
          operationId: "getCase",
          tags: ["cases"],
          summary: "一件申请及其办理过程",
          parameters: [CASE_NO],
          responses: responses({ "200": json(ref("Case"), "申请") }, ["Forbidden", "NotFound"]),
        },
      },
      "/api/v1/cases/{caseNo}/actions": {
        post: {
          operationId: "actOnCase",
          tags: ["cases"],
          summary: "办理一步（受理、核查、公示、审核、审批、退回、撤回）",
          description: "expectedVersion 须为读取时的 version；他人已先办理时返回 409 CASE_CONFLICT，且不做任何改动。退回、不予批准、撤回、核查和公示异议须填写 comment。",
          parameters: [CASE_NO],
          requestBody: { required: true, content: { "application/json": { schema: ref("CaseActionRequest") } } },
          responses: responses({ "200": json(ref("CaseActionResult"), "办理后的状态和版本号") }, ["Forbidden", "NotFound", "Conflict", "Validation"]),
        },
      },
      "/api/v1/elders": {
        get: {
          operationId: "listElders",
          tags: ["elders"],
          summary: "管辖范围内的老年人（按 ID 翻页）",
          parameters: queryParameters(ZElderPageQuery),
          responses: responses({ "200": json(ref("ElderPage"), "一页老年人") }, ["Forbidden", "Validation"]),
        },
      },
      "/api/v1/policy/evaluate": {
        get: {
          operationId: "evaluatePolicy",
          tags: ["policy"],
          summary: "按生效的服务清单逐项判断一位老人的资格、金额和理由",
          parameters: queryParameters(ZPolicyEvaluateQuery),
          responses: responses({ "200": json(ref("PolicyEvaluation"), "逐项判断结果") }, ["NotFound", "Validation"]),
        },
      },
      "/api/v1/assessments/{id}": {
        get: {
          operationId: "getAssessment",
          tags: ["assessments"],
          summary: "一条能力评估记录",
          parameters: [ASSESSMENT_ID],
          responses: responses({ "200": json(ref("Assessment"), "评估记录") }, ["NotFound", "Validation"]),
        },
      },
      "/api/v1/assessments/{id}/confirm": {
        post: {
          operationId: "confirmAssessment",
          tags: ["assessments"],
          summary: "确认已提交的评估（评估员或县民政局审批员）",
          parameters: [ASSESSMENT_ID],
          requestBody: { required: true, content: { "application/json": { schema: ref("AssessmentConfirmRequest") } } },
          responses: responses({ "200": json(ref("AssessmentConfirmed"), "确认后的评估") }, ["Forbidden", "NotFound", "Conflict", "Validation"]),
        },
      },
      "/api/v1/jobs/{id}": {
        get: {
          operationId: "getJob",
          tags: ["jobs"],
          summary: "一个后台任务的状态、进度和结果（进行中时可每秒轮询）",
          parameters: [JOB_ID],
          responses: responses({ "200": json(ref("Job"), "任务") }, ["Forbidden", "NotFound"]),
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "yy_<43 位 base64url>", description: "县级管理员签发的 API 令牌" },
      },
      schemas,
      responses: errorResponses,
    },
  };
}
export type TOpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
