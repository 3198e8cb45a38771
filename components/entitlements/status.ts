import type { TSegmentKind } from "@/lib/entitlements/segments";

type TTone = "gray" | "blue" | "amber" | "green" | "red";

/** Badge tones of an entitlement's state: paid green, suspended amber, stopped grey. */
export const ENTITLEMENT_STATUS_TONE: Record<"active" | "suspended" | "stopped", TTone> = { active: "green", suspended: "amber", stopped: "gray" };

/** Badge tones of a segment's kind on the timeline. */
export const SEGMENT_KIND_TONE: Record<TSegmentKind, TTone> = {
  due: "green",
  backpay: "blue",
  pending_review: "amber",
  suspended: "amber",
  stopped: "gray",
  one_off: "green",
};

export const PROPOSAL_STATUS_TONE: Record<string, TTone> = { pending: "amber", confirmed: "red", dismissed: "green", obsolete: "gray" };
export const OVERPAYMENT_STATUS_TONE: Record<string, TTone> = { pending: "red", recovered: "green", waived: "gray", cancelled: "gray" };
