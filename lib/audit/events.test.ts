import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, auditEventKey, ZAuditEvent, type TAuditEvent } from "@/lib/audit/events";
import { maskIdNumber, maskPhone } from "@/lib/audit/mask";
import zh from "@/messages/zh-CN/audit.json" with { type: "json" };

const elder = {
  name: "张三",
  idNumber: maskIdNumber("11010519491231002X"),
  hukouRegionCode: "610403",
  villageCode: "610403001001",
  residence: "urban",
  address: "凤岗路 1 号",
  phone: maskPhone("13912345678"),
  guardianName: null,
  guardianRelation: null,
  guardianPhone: null,
  bankName: null,
  bankAccount: null,
  status: "living",
  deathDate: null,
  movedOutDate: null,
  movedOutTo: null,
  notes: null,
};
const created = (after: Record<string, unknown>) =>
  ({ type: "elder.created", entityType: "elder", entityId: "e1", countyCode: "610403", after }) as TAuditEvent;

describe("audit events", () => {
  it("each has a Chinese label for the audit log page", () => {
    const labels = zh.events as Record<string, string>;
    expect(AUDIT_EVENT_TYPES.filter((type) => !labels[auditEventKey(type)])).toEqual([]);
  });

  it("take personal identifiers only masked", () => {
    expect(ZAuditEvent.safeParse(created(elder)).success).toBe(true);
    for (const [field, raw] of [
      ["idNumber", "11010519491231002X"],
      ["phone", "13912345678"],
      ["bankAccount", "6217000000001234567"],
      ["guardianPhone", "13912345678"],
    ]) {
      const parsed = ZAuditEvent.safeParse(created({ ...elder, [field]: raw }));
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(["after", field]);
    }
    const record = { recordId: "r1", type: "disability", startDate: "2020-01-01", endDate: null, source: null, documentNo: null, note: null, disabilityCategory: "limb", disabilityGrade: 2 };
    const circumstance = (certificateNo: string) => ({ type: "elder.circumstance_added", entityType: "elder", entityId: "e1", after: { ...record, certificateNo } });
    expect(ZAuditEvent.safeParse(circumstance("61040319410315123X42")).success).toBe(false);
    expect(ZAuditEvent.safeParse(circumstance(maskIdNumber("61040319410315123X42"))).success).toBe(true);
  });

  it("refuse the raw column at compile time", () => {
    const raw: string = "11010519491231002X";
    // @ts-expect-error an ID number must go through maskIdNumber
    const event: TAuditEvent = { type: "elder.created", entityType: "elder", entityId: "e1", after: { ...elder, idNumber: raw } };
    expect(event.type).toBe("elder.created");
  });

  it("refuse fields an event does not declare", () => {
    expect(ZAuditEvent.safeParse(created({ ...elder, mobile: "x" })).success).toBe(false);
    expect(ZAuditEvent.safeParse({ type: "auth.logout", entityType: "user", entityId: "u1", after: { anything: 1 } }).success).toBe(false);
  });

  it("mask numbers typed into free text", () => {
    const parsed = ZAuditEvent.parse(created({ ...elder, notes: "女儿电话 13912345678" }));
    expect(parsed.after).toMatchObject({ notes: "女儿电话 139****5678" });
    const transition = ZAuditEvent.parse({
      type: "case.return",
      entityType: "case",
      entityId: "610403-2026-000001",
      before: { status: "verification", version: 1 },
      after: { status: "returned", version: 2, comment: "请补充银行卡 6217000000001234567 复印件", dueDate: "2026-12-10" },
    });
    expect(transition.after).toMatchObject({ comment: "请补充银行卡 6217***********4567 复印件" });
  });
});
