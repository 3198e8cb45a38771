// The case workflow as one pure state machine (docs/decisions/011-case-workflow.md).
//
//   draft ──submit──▶ verification ──verify──▶ notice_pending ──start_notice──▶ in_notice
//                         ▲                         (items with a 公示)              │
//                         └──────────────object────────────────────────────────────┤
//                                                                         end_notice│
//   verification ──verify (no notice, or notice already held)──▶ township_review ◀──┘
//   township_review ──review_approve──▶ county_approval ──approve──▶ approved
//          │  ▲                               │ └──reject──▶ rejected
//   return │  └────────────return─────────────┘
//          ▼
//       returned ──submit (corrected)──▶ verification
//   withdraw: from any undecided state ──▶ withdrawn
//
// Region reach is not decided here: the service loads the case inside the actor's region scope
// first (404 outside it). This module decides, for a case in reach, whether a role may take an
// action in the case's state, what it requires, and where the case goes.
import type { TRole } from "@/lib/authz/roles";

export const CASE_STATUSES = [
  "draft",
  "verification",
  "notice_pending",
  "in_notice",
  "township_review",
  "county_approval",
  "returned",
  "approved",
  "rejected",
  "withdrawn",
] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  "submit",
  "verify",
  "start_notice",
  "end_notice",
  "object",
  "review_approve",
  "return",
  "approve",
  "reject",
  "withdraw",
] as const;
export type TCaseAction = (typeof CASE_ACTIONS)[number];

/** Decided cases never move again. */
export const FINAL_STATUSES: readonly TCaseStatus[] = ["approved", "rejected", "withdrawn"];
export const OPEN_STATUSES: readonly TCaseStatus[] = CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

/** Whose desk a case in each open state lies on (the inboxes). */
export const STATUS_OWNER: Record<TCaseStatus, TRole | null> = {
  draft: "village_clerk",
  verification: "village_clerk",
  notice_pending: "village_clerk",
  in_notice: "village_clerk",
  returned: "village_clerk",
  township_review: "township_reviewer",
  county_approval: "county_approver",
  approved: null,
  rejected: null,
  withdrawn: null,
};

/** The open states that wait on a role, for its inbox. */
export function inboxStatuses(role: TRole | "system"): TCaseStatus[] {
  return OPEN_STATUSES.filter((s) => STATUS_OWNER[s] === role);
}

/** What the machine needs to know about a case besides its state. */
export type TCaseContext = {
  status: TCaseStatus;
  /** The item (as pinned) has a public notice (公示). */
  hasNotice: boolean;
  /** A notice has already run its course for this case (a correction does not repeat it). */
  noticeCompleted: boolean;
  /** Last day of the running notice (YYYY-MM-DD), when in_notice. */
  noticeEndsOn: string | null;
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
};

export type TTransitionInput = { action: TCaseAction; role: TRole | "system"; comment?: string | null };

/** Why a transition is refused: the message key under cases.refusal in the catalogue. */
export type TRefusal = "final" | "wrong_state" | "wrong_role" | "comment_required" | "notice_running";

export type TTransitionResult =
  | { ok: true; to: TCaseStatus; noticeCompleted: boolean }
  | { ok: false; refusal: TRefusal };

type TRule = {
  from: readonly TCaseStatus[];
  roles: readonly TRole[];
  /** A comment (findings, reason) must be given. */
  comment: boolean;
  to: (ctx: TCaseContext) => TCaseStatus;
};

const afterVerification = (ctx: TCaseContext): TCaseStatus =>
  ctx.hasNotice && !ctx.noticeCompleted ? "notice_pending" : "township_review";

/**
 * The transition table: for each action, the states it leaves, the roles that may take it,
 * whether it needs a comment, and the state it reaches. Audit events are `case.<action>`.
 */
export const TRANSITIONS: Record<TCaseAction, TRule> = {
  // 村(社区)受理; also the clerk's resubmission after a return for correction (退回补正).
  submit: { from: ["draft", "returned"], roles: ["village_clerk"], comment: false, to: () => "verification" },
  // 入户核查: the clerk records what the home visit found.
  verify: { from: ["verification"], roles: ["village_clerk"], comment: true, to: afterVerification },
  // 公示 at the village: started, then ended once its days have passed, or objected to.
  start_notice: { from: ["notice_pending"], roles: ["village_clerk"], comment: false, to: () => "in_notice" },
  end_notice: { from: ["in_notice"], roles: ["village_clerk"], comment: false, to: () => "township_review" },
  object: { from: ["in_notice"], roles: ["village_clerk"], comment: true, to: () => "verification" },
  // 乡镇(街道)审核.
  review_approve: { from: ["township_review"], roles: ["township_reviewer"], comment: false, to: () => "county_approval" },
  // The township returns to the village; the county returns to the township.
  return: {
    from: ["township_review", "county_approval"],
    roles: ["township_reviewer", "county_approver"],
    comment: true,
    to: (ctx) => (ctx.status === "county_approval" ? "township_review" : "returned"),
  },
  // 县民政局审批.
  approve: { from: ["county_approval"], roles: ["county_approver"], comment: false, to: () => "approved" },
  reject: { from: ["county_approval"], roles: ["county_approver"], comment: true, to: () => "rejected" },
  // 撤回 at the applicant's request, while undecided, by the village or the township.
  withdraw: { from: OPEN_STATUSES, roles: ["village_clerk", "township_reviewer"], comment: true, to: () => "withdrawn" },
};

/** Whether the role is among the action's roles (for `return`: the owner of the current step). */
function roleMayAct(rule: TRule, action: TCaseAction, role: TRole | "system", status: TCaseStatus): boolean {
  if (role === "system") return false;
  if (!rule.roles.includes(role)) return false;
  // `return` from each state belongs to that state's owner only.
  if (action === "return") return STATUS_OWNER[status] === role;
  return true;
}

/** Decides one transition. Pure: same input, same answer. */
export function transition(ctx: TCaseContext, input: TTransitionInput): TTransitionResult {
  const rule = TRANSITIONS[input.action];
  if (FINAL_STATUSES.includes(ctx.status)) return { ok: false, refusal: "final" };
  if (!rule.from.includes(ctx.status)) return { ok: false, refusal: "wrong_state" };
  if (!roleMayAct(rule, input.action, input.role, ctx.status)) return { ok: false, refusal: "wrong_role" };
  if (rule.comment && !input.comment?.trim()) return { ok: false, refusal: "comment_required" };
  if (input.action === "end_notice" && (ctx.noticeEndsOn === null || ctx.today <= ctx.noticeEndsOn)) {
    return { ok: false, refusal: "notice_running" };
  }
  const to = rule.to(ctx);
  return { ok: true, to, noticeCompleted: ctx.noticeCompleted || input.action === "end_notice" };
}

/**
 * The actions a role may take on a case now (what the case page offers). `end_notice` is
 * offered only once the notice has run; actions needing a comment are offered with a field.
 */
export function availableActions(ctx: TCaseContext, role: TRole | "system"): TCaseAction[] {
  return CASE_ACTIONS.filter((action) => transition(ctx, { action, role, comment: "—" }).ok);
}

export function actionNeedsComment(action: TCaseAction): boolean {
  return TRANSITIONS[action].comment;
}

/** Actions that decide a case. */
export const DECIDING_ACTIONS: readonly TCaseAction[] = ["approve", "reject"];
