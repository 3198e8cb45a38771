import type { TCaseStatus } from "@/lib/cases/workflow";

/** Badge tones: waiting at the village grey, further up the line blue/amber, decided green/red. */
export const CASE_STATUS_TONE: Record<TCaseStatus, "gray" | "blue" | "amber" | "green" | "red"> = {
  draft: "gray",
  verification: "blue",
  notice_pending: "blue",
  in_notice: "blue",
  township_review: "amber",
  county_approval: "amber",
  returned: "red",
  approved: "green",
  rejected: "red",
  withdrawn: "gray",
};
