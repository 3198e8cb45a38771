// The JSON API's request and response shapes (/api/v1). Route handlers parse requests with these
// schemas, and lib/api/openapi.ts turns the same schemas into the published OpenAPI document, so
// the description cannot drift from what the handlers accept and answer.
import { z } from "zod";
import { ERROR_STATUS, type TErrorCode } from "@/lib/errors/app-error";
import { isValidIsoDate } from "@/lib/dates";
import { CASE_CHANNELS } from "@/lib/cases/schemas";
import { CASE_ACTIONS, CASE_STATUSES } from "@/lib/cases/workflow";
import { ASSESSMENT_STATUSES } from "@/lib/assessment/schemas";

const ERROR_CODES = Object.keys(ERROR_STATUS) as [TErrorCode, ...TErrorCode[]];

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "给人看的说明（中文）" }),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "按字段的错误说明（VALIDATION 时）" }),
    }),
  })
  .meta({ description: "错误：HTTP 状态码与 code 一一对应" });

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const fen = z.number().int().nullable().meta({ description: "金额，单位：分" });

// ---- Requests of the routes that predate the case API (their handlers parse with these) ----

export const ZElderPageQuery = z.object({
  limit: z.coerce
    .number({ message: "registry.api.limit" })
    .int({ message: "registry.api.limit" })
    .min(1, { message: "registry.api.limit" })
    .max(200, { message: "registry.api.limit" })
    .default(50)
    .meta({ description: "每页条数（1–200）" }),
  cursor: z.string().uuid().optional().meta({ description: "上一页返回的 nextCursor" }),
  q: z.string().trim().max(50).optional().meta({ description: "姓名或身份证号码" }),
});

export const ZPolicyEvaluateQuery = z.object({
  elderId: z.string({ message: "catalogue.api.elderId" }).uuid({ message: "catalogue.api.elderId" }),
  asOf: z.string().refine(isValidIsoDate, { message: "catalogue.api.asOf" }).optional().meta({ description: "查询日期 YYYY-MM-DD（默认今天）", format: "date" }),
});

export const ZAssessmentConfirmBody = z.object({ version: z.coerce.number().int().min(0).meta({ description: "读取时的版本号（乐观锁）" }) });

export const ZUuidParam = z.object({ id: z.string().uuid() });

// ---- Responses ----

export const ZElderPage = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      sex: z.enum(["male", "female"]),
      birthDate: isoDate,
      age: z.number().int(),
      idNumberMasked: z.string(),
      villageCode: z.string(),
      villageName: z.string(),
      residence: z.string(),
      status: z.string(),
    }),
  ),
  nextCursor: z.string().uuid().nullable(),
});

export const ZPolicyEvaluation = z.object({
  county: z.string(),
  catalogueVersion: z.number().int().nullable(),
  asOf: isoDate,
  age: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      eligible: z.boolean(),
      monthlyAmountFen: fen,
      oneOffAmountFen: fen,
      reasons: z.array(z.string()),
    }),
  ),
  note: z.string().optional(),
});

/** The main fields of an assessment; the answer carries more (items, scores, assessors). */
export const ZAssessment = z.looseObject({
  id: z.string().uuid(),
  elderId: z.string().uuid(),
  version: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  assessedOn: isoDate,
  total: z.number().int().nullable(),
  preliminaryLevel: z.number().int().nullable(),
  finalLevel: z.number().int().nullable().meta({ description: "能力等级 0–4" }),
  elder: z.looseObject({ id: z.string().uuid(), name: z.string(), idNumberMasked: z.string() }),
});

export const ZAssessmentConfirmed = z.object({
  id: z.string().uuid(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: z.number().int(),
  finalLevel: z.number().int().nullable(),
});

const ZCaseStatus = z.enum(CASE_STATUSES);

export const ZCaseCreated = z.object({
  caseNo: z.string().meta({ description: "业务编号，如 610403-2026-000123" }),
  status: ZCaseStatus,
  version: z.number().int(),
  elderId: z.string().uuid(),
  itemCode: z.string(),
  itemName: z.string(),
  catalogueVersion: z.number().int().meta({ description: "受理时锁定的服务清单版本号" }),
  dueDate: isoDate.nullable().meta({ description: "当前环节的办理期限" }),
  createdAt: isoDateTime,
});
export type TCaseCreated = z.infer<typeof ZCaseCreated>;

export const ZCaseResource = z.object({
  caseNo: z.string(),
  status: ZCaseStatus,
  version: z.number().int().meta({ description: "办理时作为 expectedVersion 提交" }),
  elder: z.object({ id: z.string().uuid(), name: z.string(), idNumberMasked: z.string() }),
  item: z.object({ code: z.string(), name: z.string(), delivery: z.string(), catalogueVersion: z.number().int() }),
  channel: z.enum(CASE_CHANNELS),
  eligible: z.boolean().nullable().meta({ description: "受理（submit）时按清单判断的结果；之前为 null" }),
  amounts: z.object({ monthlyAmountFen: fen, oneOffAmountFen: fen }),
  reasons: z.array(z.string()).meta({ description: "判断理由（中文）" }),
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
  entitlement: z
    .object({
      id: z.string().uuid(),
      startMonth: z.string().meta({ description: "YYYY-MM" }),
      monthlyAmountFen: fen,
      oneOffAmountFen: fen,
      status: z.string(),
    })
    .nullable(),
  availableActions: z.array(z.enum(CASE_ACTIONS)).meta({ description: "调用者此刻可以执行的办理动作" }),
  timeline: z.array(
    z.object({
      action: z.enum(["create", ...CASE_ACTIONS]),
      fromStatus: ZCaseStatus.nullable(),
      toStatus: ZCaseStatus,
      actor: z.string().meta({ description: "经办人姓名" }),
      actorRole: z.string(),
      comment: z.string().nullable(),
      at: isoDateTime,
    }),
  ),
  createdAt: isoDateTime,
});
export type TCaseResource = z.infer<typeof ZCaseResource>;

export const ZCaseActionResult = z.object({ caseNo: z.string(), status: ZCaseStatus, version: z.number().int() });

export const ZJob = z
  .object({
    id: z.string().uuid(),
    kind: z.string().meta({ description: "任务类型，如 elder-import（老年人档案导入）、catalogue-preview（清单预览）" }),
    status: z.enum(["queued", "running", "succeeded", "failed"]).meta({ description: "排队中、进行中、已完成、失败" }),
    countyCode: z.string(),
    townshipCode: z.string().nullable(),
    villageCode: z.string().nullable(),
    requestedBy: z.string().meta({ description: "发起人的用户名；定时任务为 nightly" }),
    phase: z.string().nullable().meta({ description: "当前阶段，如 parse、validate、write" }),
    progress: z.object({ done: z.number().int(), total: z.number().int().meta({ description: "0 表示总量尚未知道" }) }),
    result: z.unknown().nullable().meta({ description: "完成后的结果摘要（各类任务自有的 JSON）" }),
    error: z.object({ code: z.string(), message: z.string() }).nullable().meta({ description: "失败时的原因（中文）" }),
    attempts: z.number().int().meta({ description: "已运行的次数（崩溃或出错后会自动重试）" }),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
  })
  .meta({ description: "后台任务：进度与结果存放在数据库中" });
