import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit, changedFields } from "@/lib/audit/record";
import { maskBankAccount, maskIdNumber, maskPhone } from "@/lib/audit/mask";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { validateIdNumber } from "@/lib/elders/id-number";
import { regionPathOf, pathOf } from "@/lib/regions/path";
import { isUniqueViolation } from "@/lib/utils/prisma-errors";
import { dateValue, isoDateOrNull } from "@/lib/dates";
import type { TCircumstanceRecord } from "@/lib/elders/circumstances";
import type { TElderFields, TElderStatusChange, TUpdateElder } from "@/lib/elders/schemas";
import type { Elder } from "@/lib/generated/prisma/client";

/** An elder as the audit trail sees it: identifiers masked. */
export function elderSnapshot(e: Pick<Elder, "name" | "idNumber" | "hukouRegionCode" | "villageCode" | "residence" | "address" | "phone" | "guardianName" | "guardianRelation" | "guardianPhone" | "bankName" | "bankAccount" | "status" | "deathDate" | "movedOutDate" | "movedOutTo" | "notes">) {
  return {
    name: e.name,
    idNumber: maskIdNumber(e.idNumber),
    hukouRegionCode: e.hukouRegionCode,
    villageCode: e.villageCode,
    residence: e.residence,
    address: e.address,
    phone: maskPhone(e.phone),
    guardianName: e.guardianName,
    guardianRelation: e.guardianRelation,
    guardianPhone: maskPhone(e.guardianPhone),
    bankName: e.bankName,
    bankAccount: maskBankAccount(e.bankAccount),
    status: e.status,
    deathDate: isoDateOrNull(e.deathDate),
    movedOutDate: isoDateOrNull(e.movedOutDate),
    movedOutTo: e.movedOutTo,
    notes: e.notes,
  };
}


/** The residence must be a village/community inside the actor's region. */
export async function assertVillageInScope(tx: Tx, actor: TActor, villageCode: string) {
  const village = await tx.region.findFirst({ where: { code: villageCode, level: "village", ...regionScope(actor) } });
  if (!village) {
    throw new AppError("VALIDATION", "village outside scope", { fieldErrors: { villageCode: ["registry.form.villageOutOfScope"] } });
  }
  return village;
}

/** The columns written from validated fields (birth date and sex derived from the ID number). */
export function elderData(fields: TElderFields) {
  const id = validateIdNumber(fields.idNumber);
  if (!id.ok) throw new AppError("VALIDATION", "bad id", { fieldErrors: { idNumber: [`elders.idNumber.${id.reason}`] } });
  return {
    name: fields.name,
    idNumber: id.idNumber,
    sex: id.sex,
    birthDate: dateValue(id.birthDate),
    hukouRegionCode: fields.hukouRegionCode,
    villageCode: fields.villageCode,
    townshipCode: regionPathOf(fields.villageCode).townshipCode!,
    countyCode: regionPathOf(fields.villageCode).countyCode,
    residence: fields.residence,
    address: fields.address,
    phone: fields.phone,
    guardianName: fields.guardianName,
    guardianRelation: fields.guardianRelation,
    guardianPhone: fields.guardianPhone,
    bankName: fields.bankName,
    bankAccount: fields.bankAccount,
    notes: fields.notes,
  };
}

const duplicateId = () =>
  new AppError("VALIDATION", "id number taken", { fieldErrors: { idNumber: ["registry.form.idNumberTaken"] } });

async function loadForChange(tx: Tx, actor: TActor, id: string, action: "elder.write" | "elder.reveal" = "elder.write") {
  const elder = await tx.elder.findFirst({ where: { id, ...regionScope(actor) } });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, action, elder);
  return elder;
}

export async function createElder(actor: TActor, meta: TRequestMeta, fields: TElderFields) {
  assertCan(actor, "elder.write");
  try {
    return await db.$transaction(async (tx) => {
      await assertVillageInScope(tx, actor, fields.villageCode);
      const elder = await tx.elder.create({ data: elderData(fields) });
      await recordAudit(tx, actor, meta, {
        type: "elder.created",
        entityType: "elder",
        entityId: elder.id,
        ...pathOf(elder),
        after: elderSnapshot(elder),
      });
      return elder;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateId();
    throw error;
  }
}

export async function updateElder(actor: TActor, meta: TRequestMeta, input: TUpdateElder) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadForChange(tx, actor, input.id);
      await assertVillageInScope(tx, actor, input.villageCode);
      // A blank identifier keeps the stored one (the form never shows it).
      const fields: TElderFields = {
        ...input,
        idNumber: input.idNumber ?? before.idNumber,
        bankAccount: input.clearBankAccount ? null : (input.bankAccount ?? before.bankAccount),
      };
      const { count } = await tx.elder.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...elderData(fields), version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("STALE_VERSION", "elder changed meanwhile");
      const after = await tx.elder.findUniqueOrThrow({ where: { id: input.id } });
      await recordAudit(tx, actor, meta, {
        type: "elder.updated",
        entityType: "elder",
        entityId: after.id,
        ...pathOf(after),
        ...changedFields(elderSnapshot(before), elderSnapshot(after)),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateId();
    throw error;
  }
}

/** 标记去世 / 迁出 (with the date), or back to 在册. */
export async function changeElderStatus(actor: TActor, meta: TRequestMeta, input: TElderStatusChange) {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, input.id);
    const date = input.date ? dateValue(input.date) : null;
    const data = {
      status: input.status,
      deathDate: input.status === "deceased" ? date : null,
      movedOutDate: input.status === "moved_out" ? date : null,
      movedOutTo: input.status === "moved_out" ? (input.movedOutTo ?? null) : null,
    };
    const { count } = await tx.elder.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "elder changed meanwhile");
    const after = await tx.elder.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, actor, meta, {
      type: "elder.status_changed",
      entityType: "elder",
      entityId: after.id,
      ...pathOf(after),
      ...changedFields(elderSnapshot(before), elderSnapshot(after)),
    });
    return after;
  });
}

function recordData(record: TCircumstanceRecord) {
  return {
    ...record,
    startDate: dateValue(record.startDate),
    endDate: record.endDate ? dateValue(record.endDate) : null,
  };
}

export async function addCircumstance(actor: TActor, meta: TRequestMeta, elderId: string, record: TCircumstanceRecord) {
  return db.$transaction(async (tx) => {
    const elder = await loadForChange(tx, actor, elderId);
    const created = await tx.circumstanceRecord.create({ data: { elderId, ...recordData(record) } });
    await recordAudit(tx, actor, meta, {
      type: "elder.circumstance_added",
      entityType: "elder",
      entityId: elderId,
      ...pathOf(elder),
      after: { recordId: created.id, ...record, certificateNo: maskIdNumber(record.certificateNo) },
    });
    return created;
  });
}

async function loadRecord(tx: Tx, actor: TActor, elderId: string, recordId: string) {
  const elder = await loadForChange(tx, actor, elderId);
  const record = await tx.circumstanceRecord.findFirst({ where: { id: recordId, elderId } });
  if (!record) throw new AppError("NOT_FOUND", "record not found");
  return { elder, record };
}

const recordSnapshot = (r: { type: string; startDate: Date; endDate: Date | null; source: string | null; documentNo: string | null; disabilityCategory: string | null; disabilityGrade: number | null; certificateNo: string | null; note: string | null }) => ({
  type: r.type,
  startDate: isoDateOrNull(r.startDate),
  endDate: isoDateOrNull(r.endDate),
  source: r.source,
  documentNo: r.documentNo,
  disabilityCategory: r.disabilityCategory,
  disabilityGrade: r.disabilityGrade,
  // 残疾人证号 embeds the holder's ID number.
  certificateNo: maskIdNumber(r.certificateNo),
  note: r.note,
});

export async function updateCircumstance(actor: TActor, meta: TRequestMeta, elderId: string, recordId: string, record: TCircumstanceRecord) {
  return db.$transaction(async (tx) => {
    const { elder, record: before } = await loadRecord(tx, actor, elderId, recordId);
    const after = await tx.circumstanceRecord.update({ where: { id: recordId }, data: recordData(record) });
    await recordAudit(tx, actor, meta, {
      type: "elder.circumstance_updated",
      entityType: "elder",
      entityId: elderId,
      ...pathOf(elder),
      ...changedFields({ recordId, ...recordSnapshot(before) }, { recordId, ...recordSnapshot(after) }),
    });
    return after;
  });
}

export async function deleteCircumstance(actor: TActor, meta: TRequestMeta, elderId: string, recordId: string) {
  return db.$transaction(async (tx) => {
    const { elder, record } = await loadRecord(tx, actor, elderId, recordId);
    await tx.circumstanceRecord.delete({ where: { id: recordId } });
    await recordAudit(tx, actor, meta, {
      type: "elder.circumstance_deleted",
      entityType: "elder",
      entityId: elderId,
      ...pathOf(elder),
      before: { recordId, ...recordSnapshot(record) },
    });
  });
}

/** 查看完整: the full ID number or bank account, for roles allowed; the look is audited. */
export async function revealElderField(actor: TActor, meta: TRequestMeta, elderId: string, field: "idNumber" | "bankAccount") {
  return db.$transaction(async (tx) => {
    const elder = await loadForChange(tx, actor, elderId, "elder.reveal");
    await recordAudit(tx, actor, meta, {
      type: "elder.revealed",
      entityType: "elder",
      entityId: elderId,
      ...pathOf(elder),
      after: { field },
    });
    return elder[field];
  });
}
