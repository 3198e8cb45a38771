import { describe, expect, it } from "vitest";
import { levelOfStep, stepsByLevel } from "@/components/cases/approval-levels";

const step = (action: string, fromStatus: string | null = null, actorRole = "village_clerk") => ({ action, fromStatus, actorRole }) as never;

describe("the boxes of the 申请审批表", () => {
  it("put taking, verifying and the notice at the village, review at the township, the decision at the county", () => {
    expect(levelOfStep(step("create"))).toBe("village");
    expect(levelOfStep(step("submit", "returned"))).toBe("village");
    expect(levelOfStep(step("verify", "verification"))).toBe("village");
    expect(levelOfStep(step("start_notice", "notice_pending"))).toBe("notice");
    expect(levelOfStep(step("object", "in_notice"))).toBe("notice");
    expect(levelOfStep(step("end_notice", "in_notice"))).toBe("notice");
    expect(levelOfStep(step("review_approve", "township_review", "township_reviewer"))).toBe("township");
    expect(levelOfStep(step("approve", "county_approval", "county_approver"))).toBe("county");
    expect(levelOfStep(step("reject", "county_approval", "county_approver"))).toBe("county");
  });

  it("write a return in the box of the level that returned, and a withdrawal in the box of who recorded it", () => {
    expect(levelOfStep(step("return", "township_review", "township_reviewer"))).toBe("township");
    expect(levelOfStep(step("return", "county_approval", "county_approver"))).toBe("county");
    expect(levelOfStep(step("withdraw", "verification", "village_clerk"))).toBe("village");
    expect(levelOfStep(step("withdraw", "township_review", "township_reviewer"))).toBe("township");
  });

  it("keep each box in time order", () => {
    const steps = [step("create"), step("submit", "draft"), step("verify", "verification"), step("review_approve", "township_review", "township_reviewer"), step("return", "county_approval", "county_approver"), step("review_approve", "township_review", "township_reviewer")];
    const boxes = stepsByLevel(steps);
    expect(boxes.village).toHaveLength(3);
    expect(boxes.notice).toHaveLength(0);
    expect(boxes.township).toEqual([steps[3], steps[5]]);
    expect(boxes.county).toEqual([steps[4]]);
  });
});
