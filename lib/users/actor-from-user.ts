import type { TActor } from "@/lib/authz/actor";
import type { Region, User } from "@/lib/generated/prisma/client";

export type TUserWithRegion = User & { region: Region };

export function actorFromUser(user: TUserWithRegion): TActor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionLevel: user.region.level,
    regionName: user.region.name,
    countyCode: user.countyCode,
    townshipCode: user.townshipCode,
    villageCode: user.villageCode,
  };
}
