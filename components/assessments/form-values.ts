import { RISK_EVENTS, type TItemCode, type TRiskEvent } from "@/lib/assessment/items";
import type { TAssessor } from "@/lib/assessment/schemas";

export type TAssessorDraft = { kind: "none" | "staff" | "external"; userId: string; name: string; certNo: string };

/** The form's state: what the assessor sees, turned into TAssessmentFields on send. */
export type TAssessmentFormValues = {
  reason: string;
  assessedOn: string;
  place: string;
  assessor1: TAssessorDraft;
  assessor2: TAssessorDraft;
  informantName: string;
  informantRelation: string;
  items: Partial<Record<TItemCode, number>>;
  coma: boolean;
  diagnoses: { code: string; byPsychiatrist: boolean }[];
  riskCounts: Partial<Record<TRiskEvent, number>>;
  notes: string;
};

export const NO_ASSESSOR: TAssessorDraft = { kind: "none", userId: "", name: "", certNo: "" };

const draftOf = (a: TAssessor | null): TAssessorDraft =>
  !a ? NO_ASSESSOR : a.kind === "staff" ? { ...NO_ASSESSOR, kind: "staff", userId: a.userId } : { ...NO_ASSESSOR, kind: "external", name: a.name, certNo: a.certNo };

/** A stored assessment as the form's values. */
export function formValuesOf(a: {
  reason: string;
  assessedOn: string;
  place: string | null;
  assessor1: TAssessor | null;
  assessor2: TAssessor | null;
  informantName: string | null;
  informantRelation: string | null;
  items: Partial<Record<TItemCode, number>>;
  coma: boolean;
  diagnoses: { code: string; byPsychiatrist: boolean }[];
  riskEvents: TRiskEvent[];
  notes: string | null;
}): TAssessmentFormValues {
  return {
    reason: a.reason,
    assessedOn: a.assessedOn,
    place: a.place ?? "",
    assessor1: draftOf(a.assessor1),
    assessor2: draftOf(a.assessor2),
    informantName: a.informantName ?? "",
    informantRelation: a.informantRelation ?? "",
    items: { ...a.items },
    coma: a.coma,
    diagnoses: a.diagnoses.map((d) => ({ code: d.code, byPsychiatrist: !!d.byPsychiatrist })),
    riskCounts: Object.fromEntries(RISK_EVENTS.map((e) => [e, a.riskEvents.filter((x) => x === e).length])),
    notes: a.notes ?? "",
  };
}

/** A new assessment: today, the assessor as assessor 1, 首次评估 unless one was confirmed before. */
export function newFormValues(options: { today: string; userId: string | null; hasConfirmed: boolean }): TAssessmentFormValues {
  return {
    reason: options.hasConfirmed ? "routine" : "first",
    assessedOn: options.today,
    place: "",
    assessor1: options.userId ? { ...NO_ASSESSOR, kind: "staff", userId: options.userId } : NO_ASSESSOR,
    assessor2: NO_ASSESSOR,
    informantName: "",
    informantRelation: "",
    items: {},
    coma: false,
    diagnoses: [],
    riskCounts: {},
    notes: "",
  };
}
