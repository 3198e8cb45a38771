/** The workflow steps with a time limit (case.stepLimits), in the order staff meet them. No imports: the settings form (client) reads it too. */
export const STEP_LIMIT_KEYS = ["draft", "verification", "notice_pending", "in_notice", "returned", "township_review", "county_approval"] as const;
