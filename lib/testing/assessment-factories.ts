// Assessment data for integration tests, e2e fixtures and the demo: built through the services,
// so that what they make is what the application would have made.
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { ITEM_CODES, ITEM_MAX_SCORES, type TItemCode } from "@/lib/assessment/items";
import { ZAssessmentFields, type TAssessmentFields, type TAssessmentFieldsInput } from "@/lib/assessment/schemas";
import { confirmAssessment, createAssessment } from "@/lib/assessment/service";
import { systemActor } from "@/lib/testing/factories";

/** 26 item scores adding up to `total` (0–90): the first items take their maximum. */
export function itemsForTotal(total: number): Record<TItemCode, number> {
  if (!Number.isInteger(total) || total < 0 || total > 90) throw new RangeError(`total out of range: ${total}`);
  let left = total;
  return Object.fromEntries(
    ITEM_CODES.map((code) => {
      const score = Math.min(ITEM_MAX_SCORES[code], left);
      left -= score;
      return [code, score];
    }),
  ) as Record<TItemCode, number>;
}

/** Fields with two external assessors; override what the test is about. */
export function assessmentFields(overrides: Partial<TAssessmentFieldsInput> = {}): TAssessmentFields {
  return ZAssessmentFields.parse({
    reason: "first",
    assessedOn: "2026-01-15",
    place: "家中",
    assessor1: { kind: "external", name: "王评估", certNo: "PG-0001" },
    assessor2: { kind: "external", name: "李评估", certNo: "PG-0002" },
    informantName: "张家属",
    informantRelation: "子女",
    items: itemsForTotal(70),
    ...overrides,
  });
}

/** A confirmed assessment of an elder (county system actor), e.g. for due-date tests. */
export async function createConfirmedAssessment(elder: { id: string; countyCode: string }, overrides: Partial<TAssessmentFieldsInput> = {}) {
  const system = systemActor(elder.countyCode);
  const submitted = await createAssessment(system, NO_REQUEST_META, { elderId: elder.id, fields: assessmentFields(overrides), submit: true });
  return confirmAssessment(system, NO_REQUEST_META, { id: submitted.id, version: submitted.version });
}
