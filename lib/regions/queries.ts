import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import type { TRegionLevel } from "@/lib/regions/path";

export type TRegionNode = {
  code: string;
  name: string;
  level: TRegionLevel;
  parentCode: string | null;
  active: boolean;
  userCount: number;
  children: TRegionNode[];
};

/** The actor's region subtree as a tree, with staff counts (the region page). */
export async function getRegionTree(actor: TActor): Promise<TRegionNode[]> {
  assertCan(actor, "region.read");
  const [regions, counts] = await Promise.all([
    db.region.findMany({ where: regionScope(actor), orderBy: { code: "asc" } }),
    db.user.groupBy({ by: ["regionCode"], where: regionScope(actor), _count: { _all: true } }),
  ]);
  const countBy = new Map(counts.map((c) => [c.regionCode, c._count._all]));
  const nodes = new Map<string, TRegionNode>();
  for (const r of regions) {
    nodes.set(r.code, {
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parentCode,
      active: r.active,
      userCount: countBy.get(r.code) ?? 0,
      children: [],
    });
  }
  const roots: TRegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Regions the actor may assign staff to (their own subtree), flat and ordered by code. */
export async function listAssignableRegions(actor: TActor) {
  return db.region.findMany({
    where: { ...regionScope(actor), active: true },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
}

/** A county's regions for the CLI: `{code, name, level, parentCode}` ordered by code. */
export async function listCountyRegions(countyCode: string) {
  return db.region.findMany({
    where: { countyCode },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
}

/** The villages/communities in the actor's region, with their township's name. */
export async function listVillageOptions(actor: TActor) {
  const regions = await db.region.findMany({
    where: { ...regionScope(actor), level: { in: ["township", "village"] }, active: true },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
  const townshipName = new Map(regions.filter((r) => r.level === "township").map((r) => [r.code, r.name]));
  if (actor.regionLevel === "village") {
    const own = await db.region.findUnique({ where: { code: `${actor.townshipCode}000` }, select: { name: true } });
    if (own) townshipName.set(`${actor.townshipCode}000`, own.name);
  }
  return regions
    .filter((r) => r.level === "village")
    .map((r) => ({ code: r.code, name: r.name, townshipName: townshipName.get(r.parentCode ?? "") ?? "" }));
}

/** Region names by code (for lists that show a row's village and township). */
export async function regionNames(codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.region.findMany({ where: { code: { in: unique } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}
