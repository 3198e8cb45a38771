import type { TActor } from "@/lib/authz/actor";

/** What the elder may claim, on the elder's page (filled by the policy feature). */
export async function ElderPolicySummary({ elderId, actor }: { elderId: string; actor: TActor }) {
  void elderId;
  void actor;
  return null;
}
