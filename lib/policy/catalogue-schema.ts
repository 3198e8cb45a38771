// One county's 基本养老服务清单 as data: a version of the catalogue with its parameters and items,
// each item carrying the document's own wording and its eligibility and amount rules.
import { z } from "zod";
import { MAX_FEN, ZAmountRule, ZCircumstanceKey, ZParamName, ZRule, paramsOfAmount } from "@/lib/policy/rules";

/** 服务类型 as printed in the documents (医护服务 in 洪洞县 is kept as printed). */
export const SERVICE_TYPES = [
  "material_aid", // 物质帮助
  "care", // 照护服务
  "caring", // 关爱服务
  "medical", // 医疗服务
  "medical_care", // 医护服务 (洪洞县)
  "legal", // 法律服务
  "policy_support", // 政策扶持
  "meal_subsidy", // 助餐补贴
] as const;
export const ZServiceType = z.enum(SERVICE_TYPES);
export type TServiceType = z.infer<typeof ZServiceType>;

/**
 * How an item reaches the person: cash paid monthly or once by the civil-affairs bureau, a
 * service or benefit in kind it arranges, a referral to the department that runs it, or
 * information only (a right the person exercises directly, e.g. free bus rides).
 */
export const DELIVERIES = ["monthly_cash", "one_off_cash", "service", "referral", "information"] as const;
export const ZDelivery = z.enum(DELIVERIES);
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZItemCode = z.string().regex(/^\d{6}-\d{2}(-\d)?$/, "item codes look like 610403-04 or 610403-15-2");
const ZDate = z.iso.date();

export const ZParameter = z.strictObject({
  /** snake_case, referenced by amount rules as { kind: "param", param: name }. */
  name: ZParamName,
  /** Chinese label shown to staff and in reasons. */
  label: z.string().min(1).max(100),
  unit: z.enum(["fen_per_month", "fen"]),
  /** The document's figure in fen, or null where the document gives none. */
  defaultFen: z.number().int().min(0).max(MAX_FEN).nullable(),
  /** The document's wording that the parameter stands for. */
  basis: z.string().min(1),
});
export type TParameter = z.infer<typeof ZParameter>;

export const ZWorkflow = z
  .strictObject({
    publicNotice: z.boolean(),
    /** Calendar days of public notice (公示); null without a notice. */
    noticeDays: z.number().int().min(1).max(60).nullable(),
  })
  .refine((w) => (w.publicNotice ? w.noticeDays !== null : w.noticeDays === null), {
    message: "noticeDays is set exactly when there is a public notice",
  });
export type TWorkflow = z.infer<typeof ZWorkflow>;

export const ZCatalogueItem = z.strictObject({
  code: ZItemCode,
  /** 序号 as printed ("15"), with the sub-row position where the document splits a row. */
  row: z.string().min(1).max(10),
  name: z.string().min(1).max(60),
  /** 服务内容及标准, verbatim. */
  content: z.string().min(1),
  /** 服务对象, verbatim (from the group heading where the table groups items by 对象). */
  target: z.string().min(1),
  serviceTypes: z.array(ZServiceType).min(1),
  leadDepartments: z.array(z.string().min(1)).min(1),
  delivery: ZDelivery,
  needsApplication: z.boolean(),
  workflow: ZWorkflow,
  eligibility: ZRule,
  amount: ZAmountRule,
  /** Codes of items not enjoyed together with this one (不重复享受); symmetric. */
  exclusions: z.array(ZItemCode).default([]),
  /** How the document was read where it needed reading: merged cells, figures from the text… */
  notes: z.string().optional(),
});
export type TCatalogueItem = z.infer<typeof ZCatalogueItem>;
export type TCatalogueItemInput = z.input<typeof ZCatalogueItem>;

export const ZCatalogue = z
  .strictObject({
    countyCode: z.string().regex(/^\d{6}$/),
    countyName: z.string().min(1),
    version: z.number().int().min(1),
    versionLabel: z.string().min(1),
    effectiveFrom: ZDate,
    /** Why effectiveFrom is that date (the document's date, or how it was chosen). */
    effectiveFromBasis: z.string().min(1),
    source: z.strictObject({
      title: z.string().min(1),
      documentNumber: z.string().nullable(),
      issuedOn: ZDate.nullable(),
      file: z.string().min(1),
    }),
    /** Circumstances that count as 经济困难 for the economicHardship predicate. */
    economicHardship: z.array(ZCircumstanceKey).min(1),
    parameters: z.array(ZParameter),
    items: z.array(ZCatalogueItem).min(1),
  })
  .superRefine((c, ctx) => {
    const codes = new Map<string, number>();
    c.items.forEach((item, i) => {
      if (codes.has(item.code)) ctx.addIssue({ code: "custom", path: ["items", i, "code"], message: `duplicate item code ${item.code}` });
      codes.set(item.code, i);
      if (!item.code.startsWith(`${c.countyCode}-`)) {
        ctx.addIssue({ code: "custom", path: ["items", i, "code"], message: `item code ${item.code} must start with ${c.countyCode}-` });
      }
    });
    const paramNames = new Set<string>();
    c.parameters.forEach((p, i) => {
      if (paramNames.has(p.name)) ctx.addIssue({ code: "custom", path: ["parameters", i, "name"], message: `duplicate parameter ${p.name}` });
      paramNames.add(p.name);
    });
    c.items.forEach((item, i) => {
      for (const name of paramsOfAmount(item.amount)) {
        if (!paramNames.has(name)) {
          ctx.addIssue({ code: "custom", path: ["items", i, "amount"], message: `${item.code} references unknown parameter ${name}` });
        }
      }
      const cashDelivery = item.delivery === "monthly_cash" || item.delivery === "one_off_cash";
      if (cashDelivery && item.amount.kind === "none") {
        ctx.addIssue({ code: "custom", path: ["items", i, "amount"], message: `${item.code} pays cash but has no amount rule` });
      }
      if (item.delivery === "monthly_cash" && item.amount.kind !== "monthly" && !(item.amount.kind === "caseByCase" && item.amount.period === "monthly")) {
        ctx.addIssue({ code: "custom", path: ["items", i, "amount"], message: `${item.code} is monthly cash but its amount is not monthly` });
      }
      for (const other of item.exclusions) {
        const j = codes.get(other);
        if (j === undefined) {
          ctx.addIssue({ code: "custom", path: ["items", i, "exclusions"], message: `${item.code} excludes unknown item ${other}` });
        } else if (other === item.code) {
          ctx.addIssue({ code: "custom", path: ["items", i, "exclusions"], message: `${item.code} excludes itself` });
        } else if (!c.items[j].exclusions.includes(item.code)) {
          ctx.addIssue({ code: "custom", path: ["items", i, "exclusions"], message: `exclusion ${item.code} → ${other} is not mirrored` });
        }
      }
    });
  });
export type TCatalogue = z.infer<typeof ZCatalogue>;
export type TCatalogueInput = z.input<typeof ZCatalogue>;
