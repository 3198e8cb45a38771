import type { TCaseStep } from "@/lib/cases/queries";

// The 申请审批表 has one box per level. Which box a timeline step belongs to follows the
// workflow (lib/cases/workflow.ts): the village takes, verifies and runs the notice; a return is
// written in the box of the level that returned (its owner: the step's from-state); a withdrawal
// in the box of whoever recorded it.

export const APPROVAL_LEVELS = ["village", "notice", "township", "county"] as const;
export type TApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export function levelOfStep(step: Pick<TCaseStep, "action" | "fromStatus" | "actorRole">): TApprovalLevel {
  switch (step.action) {
    case "create":
    case "submit":
    case "verify":
      return "village";
    case "start_notice":
    case "end_notice":
    case "object":
      return "notice";
    case "review_approve":
      return "township";
    case "approve":
    case "reject":
      return "county";
    case "return":
      return step.fromStatus === "county_approval" ? "county" : "township";
    case "withdraw":
      return step.actorRole === "township_reviewer" ? "township" : "village";
  }
}

/** The timeline's steps per box, each in time order. */
export function stepsByLevel<T extends Pick<TCaseStep, "action" | "fromStatus" | "actorRole">>(steps: readonly T[]): Record<TApprovalLevel, T[]> {
  const out: Record<TApprovalLevel, T[]> = { village: [], notice: [], township: [], county: [] };
  for (const step of steps) out[levelOfStep(step)].push(step);
  return out;
}
