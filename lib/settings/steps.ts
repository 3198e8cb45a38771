/** The workflow steps with a time limit (case.stepLimits), in the order staff meet them. No imports: the settings form (client) reads it too. */
export const STEP_LIMIT_KEYS = ["draft", "verification", "notice_pending", "in_notice", "returned", "township_review", "county_approval"] as const;

/** The dated changes whose "takes effect from" month a county chooses (entitlement.effectiveMonths). No imports, as above. */
export const EFFECTIVE_MONTH_RULES = ["ageBracket", "death", "movedOut", "circumstanceEnd", "capability", "catalogue", "parameter"] as const;
