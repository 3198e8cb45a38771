import type { TRole } from "@/lib/authz/roles";
import type { TRegionLevel, TRegionPath } from "@/lib/regions/path";

/** Who is acting: the signed-in staff member, or the system (CLI, seed, jobs). */
export type TActor = TRegionPath & {
  userId: string | null;
  username: string;
  displayName: string;
  role: TRole | "system";
  regionCode: string;
  regionLevel: TRegionLevel;
  regionName: string;
};

/** Where a request came from, for the audit trail. */
export type TRequestMeta = { ip: string | null; userAgent: string | null };

export const NO_REQUEST_META: TRequestMeta = { ip: null, userAgent: null };

/** The actor of work no person does at the time: seed loading, the CLI, scheduled jobs. */
export function systemActor(countyCode: string, username = "system", regionName = countyCode): TActor {
  return {
    userId: null,
    username,
    displayName: username,
    role: "system",
    regionCode: `${countyCode}000000`,
    regionLevel: "county",
    regionName,
    countyCode,
    townshipCode: null,
    villageCode: null,
  };
}
