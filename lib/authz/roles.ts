import type { TRegionLevel } from "@/lib/regions/path";

export const ROLES = [
  "village_clerk",
  "township_reviewer",
  "county_approver",
  "assessor",
  "county_admin",
  "viewer",
] as const;

export type TRole = (typeof ROLES)[number];

/** The region level an account of each role belongs to (null: any level). */
export const ROLE_REGION_LEVEL: Record<TRole, TRegionLevel | null> = {
  village_clerk: "village",
  township_reviewer: "township",
  county_approver: "county",
  assessor: "county",
  county_admin: "county",
  viewer: null,
};

export function roleFitsRegionLevel(role: TRole, level: TRegionLevel): boolean {
  const required = ROLE_REGION_LEVEL[role];
  return required === null || required === level;
}
