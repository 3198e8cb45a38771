import { describe, expect, it } from "vitest";
import { assertCan, can } from "@/lib/authz/policy";
import { isInScope, regionScope } from "@/lib/authz/scope";
import { roleFitsRegionLevel } from "@/lib/authz/roles";
import type { TActor } from "@/lib/authz/actor";
import { regionPathOf } from "@/lib/regions/path";

function actor(role: TActor["role"], regionCode: string): TActor {
  const path = regionPathOf(regionCode);
  return {
    userId: "u",
    username: "u",
    displayName: "u",
    role,
    regionCode,
    regionLevel: path.villageCode ? "village" : path.townshipCode ? "township" : "county",
    regionName: "x",
    ...path,
  };
}

describe("region scope", () => {
  it("is one equality on the path column of the actor's level", () => {
    expect(regionScope(actor("county_admin", "610403000000"))).toEqual({ countyCode: "610403" });
    expect(regionScope(actor("township_reviewer", "610403001000"))).toEqual({ townshipCode: "610403001" });
    expect(regionScope(actor("village_clerk", "610403001001"))).toEqual({ villageCode: "610403001001" });
  });

  it("admits the subtree and nothing else", () => {
    const reviewer = actor("township_reviewer", "610403001000");
    expect(isInScope(reviewer, regionPathOf("610403001003"))).toBe(true);
    expect(isInScope(reviewer, regionPathOf("610403001000"))).toBe(true);
    expect(isInScope(reviewer, regionPathOf("610403002102"))).toBe(false);
    expect(isInScope(reviewer, regionPathOf("610403000000"))).toBe(false);
    const clerk = actor("village_clerk", "610403001001");
    expect(isInScope(clerk, regionPathOf("610403001003"))).toBe(false);
  });
});

describe("policy", () => {
  it("lets only the county admin manage staff", () => {
    expect(can(actor("county_admin", "610403000000"), "user.manage")).toBe(true);
    for (const role of ["village_clerk", "township_reviewer", "county_approver", "assessor", "viewer"] as const) {
      expect(can(actor(role, "610403000000"), "user.manage")).toBe(false);
    }
  });

  it("answers NOT_FOUND before FORBIDDEN for a resource outside the region", () => {
    const clerk = actor("village_clerk", "610403001001");
    expect(() => assertCan(clerk, "user.manage", regionPathOf("330727000000"))).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => assertCan(clerk, "user.manage", regionPathOf("610403001001"))).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCan(clerk, "elder.read", regionPathOf("610403001001"))).not.toThrow();
  });

  it("ties roles to region levels", () => {
    expect(roleFitsRegionLevel("village_clerk", "village")).toBe(true);
    expect(roleFitsRegionLevel("village_clerk", "township")).toBe(false);
    expect(roleFitsRegionLevel("township_reviewer", "township")).toBe(true);
    expect(roleFitsRegionLevel("county_admin", "village")).toBe(false);
    expect(roleFitsRegionLevel("viewer", "village")).toBe(true);
  });
});
