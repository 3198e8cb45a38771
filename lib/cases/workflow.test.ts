import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/authz/roles";
import {
  availableActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  inboxStatuses,
  transition,
  type TCaseAction,
  type TCaseContext,
  type TCaseStatus,
} from "@/lib/cases/workflow";

// Written out by hand from the issue, not derived from the transition table.
const ALLOWED: [TCaseStatus, TCaseAction, string, TCaseStatus][] = [
  ["draft", "submit", "village_clerk", "verification"],
  ["draft", "withdraw", "village_clerk", "withdrawn"],
  ["draft", "withdraw", "township_reviewer", "withdrawn"],
  ["verification", "verify", "village_clerk", "notice_pending"],
  ["verification", "withdraw", "village_clerk", "withdrawn"],
  ["verification", "withdraw", "township_reviewer", "withdrawn"],
  ["notice_pending", "start_notice", "village_clerk", "in_notice"],
  ["notice_pending", "withdraw", "village_clerk", "withdrawn"],
  ["notice_pending", "withdraw", "township_reviewer", "withdrawn"],
  ["in_notice", "end_notice", "village_clerk", "township_review"],
  ["in_notice", "object", "village_clerk", "verification"],
  ["in_notice", "withdraw", "village_clerk", "withdrawn"],
  ["in_notice", "withdraw", "township_reviewer", "withdrawn"],
  ["township_review", "review_approve", "township_reviewer", "county_approval"],
  ["township_review", "return", "township_reviewer", "returned"],
  ["township_review", "withdraw", "village_clerk", "withdrawn"],
  ["township_review", "withdraw", "township_reviewer", "withdrawn"],
  ["county_approval", "approve", "county_approver", "approved"],
  ["county_approval", "reject", "county_approver", "rejected"],
  ["county_approval", "return", "county_approver", "township_review"],
  ["county_approval", "withdraw", "village_clerk", "withdrawn"],
  ["county_approval", "withdraw", "township_reviewer", "withdrawn"],
  ["returned", "submit", "village_clerk", "verification"],
  ["returned", "withdraw", "village_clerk", "withdrawn"],
  ["returned", "withdraw", "township_reviewer", "withdrawn"],
];

const WITH_COMMENT: TCaseAction[] = ["verify", "object", "return", "reject", "withdraw"];

// A case with a notice that is not yet held, whose notice (if running) ended yesterday.
const ctx = (status: TCaseStatus, extra: Partial<TCaseContext> = {}): TCaseContext => ({
  status,
  hasNotice: true,
  noticeCompleted: false,
  noticeEndsOn: "2026-11-21",
  today: "2026-11-22",
  ...extra,
});

describe("case workflow", () => {
  it("allows exactly the listed (state, action, role) combinations and refuses every other", () => {
    const roles = [...ROLES, "system"] as const;
    let checked = 0;
    let allowed = 0;
    for (const status of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        for (const role of roles) {
          checked++;
          const expected = ALLOWED.find(([s, a, r]) => s === status && a === action && r === role);
          const result = transition(ctx(status), { action, role, comment: "理由" });
          if (expected) {
            allowed++;
            expect(result, `${status} ${action} ${role}`).toEqual({ ok: true, to: expected[3], noticeCompleted: action === "end_notice" });
          } else {
            expect(result.ok, `${status} ${action} ${role}`).toBe(false);
          }
        }
      }
    }
    expect(checked).toBe(10 * 10 * 7);
    expect(allowed).toBe(25);
  });

  it("names why a transition is refused", () => {
    expect(transition(ctx("approved"), { action: "withdraw", role: "village_clerk", comment: "x" })).toEqual({ ok: false, refusal: "final" });
    expect(transition(ctx("draft"), { action: "approve", role: "county_approver" })).toEqual({ ok: false, refusal: "wrong_state" });
    expect(transition(ctx("county_approval"), { action: "approve", role: "village_clerk" })).toEqual({ ok: false, refusal: "wrong_role" });
    // The township may not return a case that lies with the county, nor the county one with the township.
    expect(transition(ctx("county_approval"), { action: "return", role: "township_reviewer", comment: "x" })).toEqual({ ok: false, refusal: "wrong_role" });
    expect(transition(ctx("township_review"), { action: "return", role: "county_approver", comment: "x" })).toEqual({ ok: false, refusal: "wrong_role" });
  });

  it("requires a comment for findings, objections, returns, rejections and withdrawals", () => {
    const needing = ALLOWED.filter(([, a]) => WITH_COMMENT.includes(a));
    expect(needing.length).toBe(19);
    for (const [status, action, role] of needing) {
      for (const comment of [undefined, null, "", "   "]) {
        expect(transition(ctx(status), { action, role: role as never, comment })).toEqual({ ok: false, refusal: "comment_required" });
      }
    }
    for (const [status, action, role, to] of ALLOWED.filter(([, a]) => !WITH_COMMENT.includes(a))) {
      expect(transition(ctx(status), { action, role: role as never }), `${status} ${action}`).toMatchObject({ ok: true, to });
    }
  });

  it("skips the notice for items without one, and after a notice already held", () => {
    expect(transition(ctx("verification", { hasNotice: false }), { action: "verify", role: "village_clerk", comment: "属实" })).toMatchObject({ to: "township_review" });
    expect(transition(ctx("verification", { noticeCompleted: true }), { action: "verify", role: "village_clerk", comment: "属实" })).toMatchObject({
      to: "township_review",
      noticeCompleted: true,
    });
  });

  it("ends a notice only after its last day", () => {
    const running = ctx("in_notice", { noticeEndsOn: "2026-11-22" });
    expect(transition(running, { action: "end_notice", role: "village_clerk" })).toEqual({ ok: false, refusal: "notice_running" });
    expect(transition(ctx("in_notice", { noticeEndsOn: null }), { action: "end_notice", role: "village_clerk" })).toEqual({ ok: false, refusal: "notice_running" });
    expect(availableActions(running, "village_clerk")).toEqual(["object", "withdraw"]);
    expect(availableActions(ctx("in_notice"), "village_clerk")).toEqual(["end_notice", "object", "withdraw"]);
  });

  it("offers each role the actions of its desk, and puts cases in the right inboxes", () => {
    expect(availableActions(ctx("county_approval"), "county_approver")).toEqual(["return", "approve", "reject"]);
    expect(availableActions(ctx("county_approval"), "viewer")).toEqual([]);
    expect(inboxStatuses("village_clerk")).toEqual(["draft", "verification", "notice_pending", "in_notice", "returned"]);
    expect(inboxStatuses("township_reviewer")).toEqual(["township_review"]);
    expect(inboxStatuses("county_approver")).toEqual(["county_approval"]);
    expect(inboxStatuses("viewer")).toEqual([]);
  });
});
