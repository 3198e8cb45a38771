// Pure helpers over 12-digit statistical division codes:
// province 2 + prefecture 2 + county 2 + township 3 + village 3.

export type TRegionLevel = "county" | "township" | "village";

/** The region path every scoped table carries; see lib/authz/scope.ts. */
export type TRegionPath = {
  countyCode: string;
  townshipCode: string | null;
  villageCode: string | null;
};

/** Just the path columns of a scoped row (for audit records and rows copied from it). */
export function pathOf<T extends TRegionPath>(row: T): Pick<T, keyof TRegionPath> {
  return { countyCode: row.countyCode, townshipCode: row.townshipCode, villageCode: row.villageCode };
}

const CODE = /^\d{12}$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

/** Pads a 6- or 9-digit code to the 12-digit form (610403 → 610403000000). */
export function toRegionCode(code: string): string {
  if (!/^\d{6}(\d{3}){0,2}$/.test(code)) throw new Error(`not a division code: ${code}`);
  return code.padEnd(12, "0");
}

export function regionLevelOf(code: string): TRegionLevel {
  if (!isRegionCode(code)) throw new Error(`not a 12-digit division code: ${code}`);
  if (code.slice(6) === "000000") return "county";
  if (code.slice(9) === "000") return "township";
  return "village";
}

export function regionPathOf(code: string): TRegionPath {
  const level = regionLevelOf(code);
  return {
    countyCode: code.slice(0, 6),
    townshipCode: level === "county" ? null : code.slice(0, 9),
    villageCode: level === "village" ? code : null,
  };
}

export function parentCodeOf(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === "county") return null;
  if (level === "township") return `${code.slice(0, 6)}000000`;
  return `${code.slice(0, 9)}000`;
}

/** Whether `code` lies in the subtree rooted at `root` (a region is in its own subtree). */
export function isInSubtree(root: string, code: string): boolean {
  const level = regionLevelOf(root);
  const prefix = level === "county" ? root.slice(0, 6) : level === "township" ? root.slice(0, 9) : root;
  return code.startsWith(prefix);
}
