// Writes to catalogue versions and county parameters. Every change is checked, written and
// audited in one transaction; versions carry a revision for optimistic locking. The life of a
// version (draft → published with an effective date → retired) is ADR 009.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit, changedFields } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/policy";
import { NO_REQUEST_META, systemActor, type TActor, type TRequestMeta } from "@/lib/authz/actor";
import { todayInShanghai } from "@/lib/dates";
import { dateValue } from "@/lib/dates";
import { isUniqueViolation } from "@/lib/utils/prisma-errors";
import { SEED_COUNTY_CODES, seedCatalogue } from "@/lib/catalogue/data";
import { ZCatalogue, ZCatalogueItem, type TCatalogue, type TCatalogueItem } from "@/lib/policy/catalogue-schema";
import { parseContent, toVersion, type TCatalogueVersion } from "@/lib/catalogue/queries";
import { paramKey, readParamValues, ZParamValue } from "@/lib/catalogue/params";
import { writeCountySetting } from "@/lib/settings/county-settings";
import type { TPublishDraft, TVersionRef } from "@/lib/catalogue/schemas";
import type { CatalogueVersion } from "@/lib/generated/prisma/client";

const versionSnapshot = (v: Pick<CatalogueVersion, "number" | "label" | "status" | "effectiveFrom" | "revision">, items?: number) => ({
  number: v.number,
  label: v.label,
  status: v.status,
  effectiveFrom: v.effectiveFrom ? v.effectiveFrom.toISOString().slice(0, 10) : null,
  revision: v.revision,
  ...(items !== undefined ? { items } : {}),
});

/** The content as JSON for the database (a validated catalogue is plain JSON). */
const asJson = (catalogue: TCatalogue) => JSON.parse(JSON.stringify(catalogue)) as object;

// ---------------------------------------------------------------------------------------------
// Seed catalogues

export type TSeedLoadResult = { countyCode: string; status: "created" | "exists" | "unknown"; versionId: string | null; number: number | null };

/**
 * Loads a county's seed catalogue as published version 1, effective from the document's date.
 * Idempotent: a county that already has any version is left alone (a published version is
 * never edited, so a reload never overwrites what is there).
 */
export async function loadSeedCatalogue(countyCode: string, meta: TRequestMeta = NO_REQUEST_META): Promise<TSeedLoadResult> {
  const catalogue = seedCatalogue(countyCode);
  if (!catalogue) return { countyCode, status: "unknown", versionId: null, number: null };
  const actor = systemActor(countyCode, "seed");
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.catalogueVersion.findFirst({ where: { countyCode }, orderBy: { number: "asc" }, select: { id: true, number: true } });
      if (existing) return { countyCode, status: "exists" as const, versionId: existing.id, number: existing.number };
      const row = await tx.catalogueVersion.create({
        data: {
          countyCode,
          number: 1,
          label: catalogue.versionLabel,
          status: "published",
          effectiveFrom: dateValue(catalogue.effectiveFrom),
          content: asJson(catalogue),
          publishedAt: new Date(),
          publishedBy: actor.username,
          createdBy: actor.username,
        },
      });
      await recordAudit(tx, actor, meta, {
        type: "catalogue.seeded",
        entityType: "catalogue",
        entityId: row.id,
        countyCode,
        after: { ...versionSnapshot(row, catalogue.items.length), source: catalogue.source.file },
      });
      return { countyCode, status: "created" as const, versionId: row.id, number: 1 };
    });
  } catch (error) {
    // Two loaders at once (seed and a test, say): the other one won.
    if (isUniqueViolation(error)) return loadSeedCatalogue(countyCode, meta);
    throw error;
  }
}

/** Every seed county's catalogue (the demo seed, `catalogue load --all`); idempotent. */
export async function loadSeedCatalogues(meta: TRequestMeta = NO_REQUEST_META): Promise<TSeedLoadResult[]> {
  const results: TSeedLoadResult[] = [];
  for (const code of SEED_COUNTY_CODES) results.push(await loadSeedCatalogue(code, meta));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Versions

async function loadVersionForChange(tx: Tx, actor: TActor, id: string) {
  const row = await tx.catalogueVersion.findFirst({ where: { id, countyCode: actor.countyCode } });
  if (!row) throw new AppError("NOT_FOUND", "catalogue version not found");
  return row;
}

/** A published version is never edited: anything but a draft refuses the change. */
function assertDraft(row: Pick<CatalogueVersion, "status">) {
  if (row.status !== "draft") throw new AppError("CONFLICT", "only a draft can be changed; a published catalogue is never edited");
}

function assertRevision(row: Pick<CatalogueVersion, "revision">, revision: number) {
  if (row.revision !== revision) throw new AppError("STALE_VERSION", "catalogue version changed meanwhile");
}

/**
 * Marks as retired every published version of the county that a later published version has
 * replaced on `today` (the later one is in force). The in-force query does not depend on this
 * bookkeeping (ADR 009), so it may run late without changing any answer.
 */
export async function retireSuperseded(tx: Tx, actor: TActor, meta: TRequestMeta, countyCode: string, today = todayInShanghai()) {
  const live = await tx.catalogueVersion.findMany({
    where: { countyCode, status: "published", effectiveFrom: { lte: dateValue(today) } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    omit: { content: true },
  });
  const retired: number[] = [];
  for (const old of live.slice(1)) {
    const { count } = await tx.catalogueVersion.updateMany({
      where: { id: old.id, status: "published", revision: old.revision },
      data: { status: "retired", retiredAt: new Date(), revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "catalogue version changed meanwhile");
    await recordAudit(tx, actor, meta, {
      type: "catalogue.retired",
      entityType: "catalogue",
      entityId: old.id,
      countyCode,
      before: versionSnapshot(old),
      after: { ...versionSnapshot({ ...old, status: "retired", revision: old.revision + 1 }), supersededBy: live[0].number },
    });
    retired.push(old.number);
  }
  return retired;
}

/** The retirement step on its own (CLI `catalogue retire-due`, a daily job). */
export async function retireDueVersions(countyCode: string, today = todayInShanghai(), meta: TRequestMeta = NO_REQUEST_META) {
  return db.$transaction((tx) => retireSuperseded(tx, systemActor(countyCode, "system"), meta, countyCode, today));
}

/**
 * 新建草稿: a copy of the county's latest published version (the one in force, or a scheduled
 * one when there is one), numbered after every existing version. One draft at a time.
 */
export async function createDraft(actor: TActor, meta: TRequestMeta): Promise<TCatalogueVersion> {
  assertCan(actor, "catalogue.manage");
  const countyCode = actor.countyCode;
  try {
    return await db.$transaction(async (tx) => {
      await retireSuperseded(tx, actor, meta, countyCode);
      const draft = await tx.catalogueVersion.findFirst({ where: { countyCode, status: "draft" }, select: { id: true } });
      if (draft) throw new AppError("CONFLICT", "the county already has a draft");
      const base = await tx.catalogueVersion.findFirst({
        where: { countyCode, status: "published" },
        orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
      });
      if (!base) throw new AppError("NOT_FOUND", "no published catalogue to copy");
      const last = await tx.catalogueVersion.aggregate({ where: { countyCode }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const baseCatalogue = parseContent(base);
      // The number is shown beside the label everywhere, so the label names the revision instead.
      const label = `${baseCatalogue.countyName}基本养老服务清单（${todayInShanghai()} 修订稿）`;
      const content: TCatalogue = { ...baseCatalogue, version: number, versionLabel: label };
      const row = await tx.catalogueVersion.create({
        data: {
          countyCode,
          number,
          label,
          status: "draft",
          effectiveFrom: null,
          content: asJson(content),
          basedOnId: base.id,
          createdBy: actor.username,
        },
      });
      await recordAudit(tx, actor, meta, {
        type: "catalogue.draft_created",
        entityType: "catalogue",
        entityId: row.id,
        countyCode,
        after: { ...versionSnapshot(row, content.items.length), basedOn: base.number },
      });
      return toVersion(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "another version was created meanwhile");
    throw error;
  }
}

/** Field errors for a catalogue that fails its cross-item checks, on the item form's fields. */
function catalogueFieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }, index: number) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const [top, i, field] = issue.path;
    let key = top === "items" && i === index && typeof field === "string" ? field : "_form";
    if (key === "workflow") key = "noticeDays";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Replaces one item of a draft (matched by code). The item is validated on its own and then the
 * whole catalogue again (unique codes, declared parameters, mirrored exclusions, cash items with
 * an amount of the right period).
 */
export async function updateDraftItem(actor: TActor, meta: TRequestMeta, ref: TVersionRef, input: TCatalogueItem): Promise<TCatalogueVersion> {
  assertCan(actor, "catalogue.manage");
  const itemParsed = ZCatalogueItem.safeParse(input);
  if (!itemParsed.success) {
    throw new AppError("VALIDATION", "invalid item", { fieldErrors: catalogueFieldErrors({ issues: itemParsed.error.issues.map((i) => ({ ...i, path: ["items", 0, ...i.path] })) }, 0) });
  }
  const item = itemParsed.data;
  return db.$transaction(async (tx) => {
    const row = await loadVersionForChange(tx, actor, ref.id);
    assertDraft(row);
    assertRevision(row, ref.revision);
    const catalogue = parseContent(row);
    const index = catalogue.items.findIndex((i) => i.code === item.code);
    if (index < 0) throw new AppError("NOT_FOUND", "no such item in the draft");
    const before = catalogue.items[index];
    const next = { ...catalogue, items: catalogue.items.map((i, k) => (k === index ? item : i)) };
    const checked = ZCatalogue.safeParse(next);
    if (!checked.success) throw new AppError("VALIDATION", "catalogue checks failed", { fieldErrors: catalogueFieldErrors(checked.error, index) });
    // The status is part of the guard, so that a publish in between cannot be overwritten.
    const { count } = await tx.catalogueVersion.updateMany({
      where: { id: row.id, revision: ref.revision, status: "draft" },
      data: { content: asJson(checked.data), revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "catalogue version changed meanwhile");
    const changes = changedFields(before as unknown as Record<string, unknown>, item as unknown as Record<string, unknown>);
    await recordAudit(tx, actor, meta, {
      type: "catalogue.draft_updated",
      entityType: "catalogue",
      entityId: row.id,
      countyCode: row.countyCode,
      before: { number: row.number, item: item.code, ...changes.before },
      after: { number: row.number, item: item.code, revision: row.revision + 1, ...changes.after },
    });
    return toVersion(await tx.catalogueVersion.findUniqueOrThrow({ where: { id: row.id }, omit: { content: true } }));
  });
}

/**
 * 发布: the draft becomes published, effective from a date that is not in the past and later
 * than every version already published (so versions follow each other in time). A version
 * effective today replaces the one in force at once, which is then retired.
 */
export async function publishDraft(actor: TActor, meta: TRequestMeta, input: TPublishDraft, today = todayInShanghai()): Promise<TCatalogueVersion> {
  assertCan(actor, "catalogue.manage");
  if (input.effectiveFrom < today) {
    throw new AppError("VALIDATION", "effective date in the past", { fieldErrors: { effectiveFrom: ["catalogue.form.effectiveFromPast"] } });
  }
  return db.$transaction(async (tx) => {
    const row = await loadVersionForChange(tx, actor, input.id);
    assertDraft(row);
    assertRevision(row, input.revision);
    const latest = await tx.catalogueVersion.findFirst({
      where: { countyCode: row.countyCode, status: { in: ["published", "retired"] }, effectiveFrom: { gte: dateValue(input.effectiveFrom) } },
      select: { id: true },
    });
    if (latest) {
      throw new AppError("VALIDATION", "effective date not after the published versions", {
        fieldErrors: { effectiveFrom: ["catalogue.form.effectiveFromNotAfter"] },
      });
    }
    const catalogue = parseContent(row);
    const content = ZCatalogue.parse({
      ...catalogue,
      effectiveFrom: input.effectiveFrom,
      effectiveFromBasis: `由 ${actor.displayName}（${actor.username}）于 ${today} 发布，自 ${input.effectiveFrom} 起施行`,
    });
    const { count } = await tx.catalogueVersion.updateMany({
      where: { id: row.id, revision: input.revision, status: "draft" },
      data: {
        status: "published",
        effectiveFrom: dateValue(input.effectiveFrom),
        content: asJson(content),
        publishedAt: new Date(),
        publishedBy: actor.username,
        revision: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "catalogue version changed meanwhile");
    const after = await tx.catalogueVersion.findUniqueOrThrow({ where: { id: row.id }, omit: { content: true } });
    await recordAudit(tx, actor, meta, {
      type: "catalogue.published",
      entityType: "catalogue",
      entityId: row.id,
      countyCode: row.countyCode,
      before: versionSnapshot(row),
      after: versionSnapshot(after, content.items.length),
    });
    await retireSuperseded(tx, actor, meta, row.countyCode, today);
    return toVersion(after);
  });
}

// ---------------------------------------------------------------------------------------------
// County parameters

export type TParamChange = {
  name: string;
  /** The new value in fen; null clears it (the catalogue default applies again). */
  valueFen: number | null;
  /** The value the form was showing (null = not set), to refuse an overwrite of a concurrent change. */
  expectedFen?: number | null;
};

/** The parameter names declared by the county's published, scheduled and draft versions. */
async function declaredParams(tx: Tx, countyCode: string): Promise<Set<string>> {
  const rows = await tx.catalogueVersion.findMany({ where: { countyCode, status: { in: ["draft", "published"] } }, select: { id: true, revision: true, content: true } });
  return new Set(rows.flatMap((row) => parseContent(row).parameters.map((p) => p.name)));
}

/** Sets (or clears) county parameter values; each change is audited as setting.updated. */
export async function setCountyParameters(actor: TActor, meta: TRequestMeta, changes: TParamChange[]): Promise<{ changed: string[] }> {
  assertCan(actor, "settings.manage");
  const countyCode = actor.countyCode;
  return db.$transaction(async (tx) => {
    const declared = await declaredParams(tx, countyCode);
    const current = await readParamValues(countyCode, tx);
    const fieldErrors: Record<string, string[]> = {};
    for (const change of changes) {
      if (!declared.has(change.name)) fieldErrors[change.name] = ["catalogue.params.unknown"];
      else if (change.valueFen !== null && !ZParamValue.safeParse(change.valueFen).success) fieldErrors[change.name] = ["catalogue.params.invalid"];
    }
    if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "invalid parameters", { fieldErrors });
    const changed: string[] = [];
    for (const change of changes) {
      const before = current[change.name] ?? null;
      if (change.expectedFen !== undefined && change.expectedFen !== before) throw new AppError("STALE_VERSION", "parameter changed meanwhile");
      if (before === change.valueFen) continue;
      const key = paramKey(change.name);
      await writeCountySetting(tx, actor, meta, key, change.valueFen, {
        before: { key, valueFen: before },
        after: { key, valueFen: change.valueFen },
      });
      changed.push(change.name);
    }
    return { changed };
  });
}
