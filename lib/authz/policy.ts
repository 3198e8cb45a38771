import { AppError } from "@/lib/errors/app-error";
import type { TActor } from "@/lib/authz/actor";
import { ROLES, type TRole } from "@/lib/authz/roles";
import { isInScope } from "@/lib/authz/scope";
import type { TRegionPath } from "@/lib/regions/path";

// The role × action table. Every entry point asks this table; the UI may ask it too, but
// only to decide what to show. Region reach is separate: see scope.ts.
const ALL: readonly TRole[] = ROLES;

export const POLICY = {
  // 系统管理
  "user.read": ["county_admin"],
  "user.manage": ["county_admin"],
  "region.read": ["county_admin"],
  "audit.read": ["county_admin"],
  // Business areas: read access decides which navigation areas a role sees.
  "elder.read": ALL,
  "elder.write": ["village_clerk", "township_reviewer", "county_approver", "county_admin"],
  "elder.reveal": ["village_clerk", "township_reviewer", "county_approver", "assessor", "county_admin"],
  "elder.import": ["township_reviewer", "county_approver", "county_admin"],
  "elder.export": ALL,
  "assessment.read": ALL,
  "assessment.write": ["assessor"],
  "assessment.confirm": ["assessor", "county_approver"],
  "catalogue.read": ALL,
  "catalogue.manage": ["county_admin"],
  "policy.evaluate": ALL,
  "settings.manage": ["county_admin"],
  "case.read": ["village_clerk", "township_reviewer", "county_approver", "county_admin", "viewer"],
  // 发起申请 (the village window, or the township's 主动发现); the transitions themselves are
  // decided per state by lib/cases/workflow.ts, among the roles of case.act.
  "case.create": ["village_clerk", "township_reviewer"],
  "case.act": ["village_clerk", "township_reviewer", "county_approver"],
  "case.attach": ["village_clerk", "township_reviewer"],
  "token.manage": ["county_admin"],
  // 待遇发放: the village sees its own people's benefits and records their 资格认证; the township
  // reviews 应退未退 proposals; the county approver stops, suspends, resumes and corrects, and
  // settles overpayments (ADR 016).
  "entitlement.read": ["village_clerk", "township_reviewer", "county_approver", "county_admin", "viewer"],
  "entitlement.certify": ["village_clerk", "township_reviewer", "county_approver"],
  "entitlement.review": ["township_reviewer"],
  "entitlement.manage": ["county_approver"],
  "visit.read": ["village_clerk", "township_reviewer", "county_approver", "county_admin", "viewer"],
  "stats.read": ["township_reviewer", "county_approver", "assessor", "county_admin", "viewer"],
} as const satisfies Record<string, readonly TRole[]>;

export type TAction = keyof typeof POLICY;

export const ACTIONS = Object.keys(POLICY) as TAction[];

export function can(actor: Pick<TActor, "role">, action: TAction): boolean {
  if (actor.role === "system") return true;
  return (POLICY[action] as readonly TRole[]).includes(actor.role);
}

/**
 * Throws unless the actor may take `action`, on `resource` when given. A resource outside the
 * actor's region does not exist for them: NOT_FOUND, checked before the role.
 */
export function assertCan(actor: TActor, action: TAction, resource?: TRegionPath): void {
  if (resource && !isInScope(actor, resource)) throw new AppError("NOT_FOUND", "outside the actor's region");
  if (!can(actor, action)) throw new AppError("FORBIDDEN", `role ${actor.role} may not ${action}`);
}
