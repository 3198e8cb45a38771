import type { TActor } from "@/lib/authz/actor";
import type { TRegionPath } from "@/lib/regions/path";

/**
 * The one region-scope helper. Every region-scoped table carries the path columns
 * county_code / township_code / village_code, so the actor's subtree is a single equality,
 * spread into the query's where: `where: { id, ...regionScope(actor) }`. A record that does
 * not match is not found (404), never filtered out after loading.
 */
export type TScopeWhere = { countyCode: string } | { townshipCode: string } | { villageCode: string };

export function regionScope(actor: Pick<TActor, "regionLevel" | keyof TRegionPath>): TScopeWhere {
  switch (actor.regionLevel) {
    case "county":
      return { countyCode: actor.countyCode };
    case "township":
      return { townshipCode: actor.townshipCode! };
    case "village":
      return { villageCode: actor.villageCode! };
  }
}

/** The same rule for a record already in hand (e.g. checking a target region code). */
export function isInScope(actor: Pick<TActor, "regionLevel" | keyof TRegionPath>, path: TRegionPath): boolean {
  const [key, value] = Object.entries(regionScope(actor))[0] as [keyof TRegionPath, string];
  return path[key] === value;
}
