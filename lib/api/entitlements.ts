// The entitlement API's answers, built from the queries (lib/entitlements/queries.ts).
import type { TEntitlementDetail } from "@/lib/entitlements/queries";
import type { TEntitlementResource } from "@/lib/api/schemas";

/** GET /api/v1/entitlements/{id}: the entitlement with its segments, reasons in Chinese. */
export function entitlementResource(e: TEntitlementDetail): TEntitlementResource {
  return {
    id: e.id,
    elderId: e.elder.id,
    itemCode: e.itemCode,
    itemName: e.itemName,
    delivery: e.delivery,
    status: e.status,
    startMonth: e.startMonth,
    endMonth: e.endMonth,
    monthlyAmountFen: e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    certDueOn: e.certDueOn,
    catalogueNumber: e.catalogueNumber,
    caseNo: e.caseNo,
    grantedOn: e.grantedOn,
    stopReason: e.stopReason,
    segments: e.segments.map((s) => ({ fromMonth: s.fromMonth, toMonth: s.toMonth, monthlyAmountFen: s.monthlyAmountFen, kind: s.kind, reason: s.reasonText, reasonKeys: s.reasons.map((r) => r.key) })),
    certifications: e.certifications.map((c) => ({ certifiedOn: c.certifiedOn, method: c.method })),
    overpayments: e.overpayments.map((o) => ({ id: o.id, status: o.status, months: o.months.map((m) => m.month), amountFen: o.amountFen })),
  };
}
