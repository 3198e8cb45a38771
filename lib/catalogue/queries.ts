// Reads of catalogue versions and county parameters. Which version is in force on a date is
// decided here, once (docs/decisions/009-catalogue-versions.md).
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import type { TActor } from "@/lib/authz/actor";
import { todayInShanghai } from "@/lib/dates";
import { isoDate, isoDateOrNull, dateValue } from "@/lib/dates";
import { ZCatalogue, type TCatalogue } from "@/lib/policy/catalogue-schema";
import type { CatalogueVersion } from "@/lib/generated/prisma/client";
import { readParamHistory, readParamValues } from "@/lib/catalogue/params";

export type TVersionStatus = "draft" | "published" | "retired";

/** A version row at the boundary: dates as ISO strings. */
export type TCatalogueVersion = {
  id: string;
  countyCode: string;
  number: number;
  label: string;
  status: TVersionStatus;
  effectiveFrom: string | null;
  basedOnId: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  retiredAt: Date | null;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
};

export type TLoadedVersion = TCatalogueVersion & { catalogue: TCatalogue };

export function toVersion(row: Omit<CatalogueVersion, "content">): TCatalogueVersion {
  return {
    id: row.id,
    countyCode: row.countyCode,
    number: row.number,
    label: row.label,
    status: row.status,
    effectiveFrom: isoDateOrNull(row.effectiveFrom),
    basedOnId: row.basedOnId,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    retiredAt: row.retiredAt,
    revision: row.revision,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// Parsed catalogues by id and revision: a published version never changes, so its parsed object
// (and the engine's compiled rules, cached per object) are reused by every evaluation.
const parsedCache = new Map<string, TCatalogue>();
const PARSED_CACHE_MAX = 50;

export function parseContent(row: Pick<CatalogueVersion, "id" | "revision" | "content">): TCatalogue {
  const key = `${row.id}:${row.revision}`;
  const cached = parsedCache.get(key);
  if (cached) return cached;
  const catalogue = ZCatalogue.parse(row.content);
  if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, catalogue);
  return catalogue;
}

function loaded(row: CatalogueVersion): TLoadedVersion {
  return { ...toVersion(row), catalogue: parseContent(row) };
}

/**
 * The version in force for a county on `asOf`: among versions that were published (published,
 * or retired after a successor took effect), the one with the latest effective date on or
 * before `asOf`; drafts never. See ADR 009 for why retired versions still answer for past dates.
 */
export async function versionInForce(countyCode: string, asOf: string, client: Db = db): Promise<TLoadedVersion | null> {
  const row = await client.catalogueVersion.findFirst({
    where: { countyCode, status: { in: ["published", "retired"] }, effectiveFrom: { lte: dateValue(asOf) } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
  });
  return row ? loaded(row) : null;
}

/** The published versions that have not taken effect yet on `asOf` (scheduled), earliest first. */
export async function scheduledVersions(countyCode: string, asOf: string, client: Db = db): Promise<TCatalogueVersion[]> {
  const rows = await client.catalogueVersion.findMany({
    where: { countyCode, status: "published", effectiveFrom: { gt: dateValue(asOf) } },
    orderBy: [{ effectiveFrom: "asc" }, { number: "asc" }],
    omit: { content: true },
  });
  return rows.map(toVersion);
}

/** The catalogue in force for the actor's county (the catalogue pages and the finder). */
export async function getCatalogueInForce(actor: TActor, asOf = todayInShanghai()) {
  assertCan(actor, "catalogue.read");
  const version = await versionInForce(actor.countyCode, asOf);
  const params = version ? await readParamValues(actor.countyCode, asOf) : {};
  return { version, params, asOf, canManage: can(actor, "catalogue.manage") };
}

/** Every version of the actor's county, newest first (catalogue administration). */
export async function listVersions(actor: TActor): Promise<TCatalogueVersion[]> {
  assertCan(actor, "catalogue.manage");
  const rows = await db.catalogueVersion.findMany({
    where: { countyCode: actor.countyCode },
    orderBy: { number: "desc" },
    omit: { content: true },
  });
  return rows.map(toVersion);
}

/**
 * One version of the actor's county. Published and retired versions are public to every role
 * that reads the catalogue; drafts only to those who manage it. Anything else is NOT_FOUND.
 */
export async function getVersion(actor: TActor, id: string): Promise<TLoadedVersion> {
  assertCan(actor, "catalogue.read");
  const row = await db.catalogueVersion.findFirst({ where: { id, countyCode: actor.countyCode } });
  if (!row || (row.status === "draft" && !can(actor, "catalogue.manage"))) throw new AppError("NOT_FOUND", "catalogue version not found");
  return loaded(row);
}

/** The county's open draft, if any (there is at most one). */
export async function findDraft(actor: TActor): Promise<TCatalogueVersion | null> {
  assertCan(actor, "catalogue.manage");
  const row = await db.catalogueVersion.findFirst({ where: { countyCode: actor.countyCode, status: "draft" }, omit: { content: true } });
  return row ? toVersion(row) : null;
}

/**
 * The county's parameters (admin form): each with its label and default, the value in force on
 * `asOf` (null = the default applies), the latest dated value (which may be scheduled for a later
 * date; its id guards the form against a concurrent edit) and the whole history, newest first.
 */
export async function getCountyParameters(actor: TActor, catalogue: TCatalogue, asOf = todayInShanghai()) {
  assertCan(actor, "settings.manage");
  const history = await readParamHistory(actor.countyCode);
  return catalogue.parameters.map((p) => {
    const rows = history.filter((h) => h.name === p.name);
    const inForce = rows.filter((h) => h.effectiveFrom <= asOf).at(-1) ?? null;
    const latest = rows.at(-1) ?? null;
    return { ...p, valueFen: inForce?.valueFen ?? null, latest, history: rows.reverse() };
  });
}
export type TCountyParameter = Awaited<ReturnType<typeof getCountyParameters>>[number];

export { isoDate };
