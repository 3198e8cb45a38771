// The case API's answers, built from the service's results (lib/cases/service.ts, queries.ts).
import type { Case } from "@/lib/generated/prisma/client";
import type { TCaseDetail } from "@/lib/cases/queries";
import { isoDateOrNull } from "@/lib/dates";
import type { TCaseCreated, TCaseResource } from "@/lib/api/schemas";

/** POST /api/v1/cases answers with the new case's number, state and pinned item. */
export function caseCreated(c: Case): TCaseCreated {
  return {
    caseNo: c.caseNo,
    status: c.status,
    version: c.version,
    elderId: c.elderId,
    itemCode: c.itemCode,
    itemName: c.itemName,
    catalogueVersion: c.catalogueNumber,
    dueDate: isoDateOrNull(c.dueDate),
    createdAt: c.createdAt.toISOString(),
  };
}

/** GET /api/v1/cases/{caseNo}: the case as an integration sees it (masked ID number, reasons as text). */
export function caseResource(c: TCaseDetail): TCaseResource {
  return {
    caseNo: c.caseNo,
    status: c.status,
    version: c.version,
    elder: { id: c.elder.id, name: c.elder.name, idNumberMasked: c.elder.idNumberMasked },
    item: { code: c.itemCode, name: c.itemName, delivery: c.delivery, catalogueVersion: c.catalogueNumber },
    channel: c.channel as TCaseResource["channel"],
    eligible: c.eligible,
    amounts: { monthlyAmountFen: c.monthlyAmountFen, oneOffAmountFen: c.oneOffAmountFen },
    reasons: c.reasons.map((r) => r.text),
    dueDate: c.dueDate,
    overdue: c.overdue,
    entitlement: c.entitlement,
    availableActions: c.actions,
    timeline: c.steps.map((s) => ({
      action: s.action,
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      actor: s.actorName,
      actorRole: s.actorRole,
      comment: s.comment,
      at: s.at.toISOString(),
    })),
    createdAt: c.createdAt.toISOString(),
  };
}
