import { describe, expect, it } from "vitest";
import { isInSubtree, parentCodeOf, regionLevelOf, regionPathOf, toRegionCode } from "@/lib/regions/path";

describe("region codes", () => {
  it("derives the level from the 12-digit code", () => {
    expect(regionLevelOf("610403000000")).toBe("county");
    expect(regionLevelOf("610403001000")).toBe("township");
    expect(regionLevelOf("610403001001")).toBe("village");
    expect(() => regionLevelOf("6104030010")).toThrow();
  });

  it("derives the region path", () => {
    expect(regionPathOf("610403001003")).toEqual({
      countyCode: "610403",
      townshipCode: "610403001",
      villageCode: "610403001003",
    });
    expect(regionPathOf("610403100000")).toEqual({ countyCode: "610403", townshipCode: "610403100", villageCode: null });
    expect(regionPathOf("330727000000")).toEqual({ countyCode: "330727", townshipCode: null, villageCode: null });
  });

  it("finds the parent", () => {
    expect(parentCodeOf("610403001003")).toBe("610403001000");
    expect(parentCodeOf("610403001000")).toBe("610403000000");
    expect(parentCodeOf("610403000000")).toBeNull();
  });

  it("pads short codes", () => {
    expect(toRegionCode("610403")).toBe("610403000000");
    expect(toRegionCode("610403001")).toBe("610403001000");
    expect(() => toRegionCode("6104")).toThrow();
  });

  it("tells subtree membership", () => {
    expect(isInSubtree("610403000000", "610403002102")).toBe(true);
    expect(isInSubtree("610403001000", "610403001003")).toBe(true);
    expect(isInSubtree("610403001000", "610403002102")).toBe(false);
    expect(isInSubtree("610403001001", "610403001001")).toBe(true);
    expect(isInSubtree("610403001001", "610403001003")).toBe(false);
  });
});
