// Evidence attachments of a case (申请材料). The row keeps the name, type, size and SHA-256; the
// bytes live in their own table (case_attachment_contents), outside the row, written in the same
// transaction: the server keeps no files, so it stays stateless (ADR 012), backups of the
// database hold the documents, and a refusal or rollback leaves nothing behind. Removal is soft
// (removedAt/removedBy): what was once part of a case stays on record.
import { createHash } from "node:crypto";
import path from "node:path";
import { db, type Db } from "@/lib/db";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { FINAL_STATUSES } from "@/lib/cases/workflow";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from "@/lib/cases/schemas";
import { findCaseInScope } from "@/lib/cases/queries";
import type { Case } from "@/lib/generated/prisma/client";
import { pathOf } from "@/lib/regions/path";

export type TAttachmentFile = { name: string; contentType: string; bytes: Uint8Array };
export type TAddAttachment = { caseNo: string; type: string; file: TAttachmentFile };

type TLoadedCase = Pick<Case, "status">;

function refuse(fieldErrors: TFieldErrors, message: string): never {
  throw new AppError("VALIDATION", message, { fieldErrors });
}

function assertOpen(c: TLoadedCase, field: string) {
  if (FINAL_STATUSES.includes(c.status)) refuse({ [field]: ["cases.validation.attachmentClosed"] }, "case is closed");
}

/** The name as shown and downloaded: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (clean.length <= 200) return clean;
  const ext = path.extname(clean).slice(0, 10);
  return clean.slice(0, 200 - ext.length) + ext;
}

/** Field errors for a file and its type, against ATTACHMENT_TYPES and ATTACHMENT_LIMITS. */
export function attachmentProblems(type: string, file: TAttachmentFile): TFieldErrors {
  const errors: TFieldErrors = {};
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) errors.type = ["cases.validation.attachmentCategory"];
  const extensions = ATTACHMENT_LIMITS.contentTypes[file.contentType.toLowerCase()];
  const ext = path.extname(file.name).toLowerCase();
  if (file.bytes.byteLength === 0) errors.file = ["cases.validation.attachmentEmpty"];
  else if (file.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) errors.file = ["cases.validation.attachmentSize"];
  else if (!extensions || !extensions.includes(ext) || !cleanFileName(file.name)) errors.file = ["cases.validation.attachmentType"];
  return errors;
}

async function assertRoom(client: Db, caseId: string) {
  const active = await client.caseAttachment.count({ where: { caseId, removedAt: null } });
  if (active >= ATTACHMENT_LIMITS.maxPerCase) refuse({ file: ["cases.validation.attachmentCount"] }, "too many attachments");
}

/**
 * 上传附件. Refusals, in order: a case outside the region (404); a role that may not attach
 * (403); a decided case; a bad type, size or file type; a case that already has the maximum.
 */
export async function addAttachment(actor: TActor, meta: TRequestMeta, input: TAddAttachment) {
  const c = await findCaseInScope(db, actor, input.caseNo);
  assertCan(actor, "case.attach", c);
  assertOpen(c, "file");
  const problems = attachmentProblems(input.type, input.file);
  if (Object.keys(problems).length) refuse(problems, "invalid attachment");
  await assertRoom(db, c.id);

  const fileName = cleanFileName(input.file.name);
  const contentType = input.file.contentType.toLowerCase();
  const sizeBytes = input.file.bytes.byteLength;
  const sha256 = createHash("sha256").update(input.file.bytes).digest("hex");
  return db.$transaction(async (tx) => {
    // The case row is locked so that two uploads at once cannot pass the limit together, and
    // a case decided meanwhile takes no more files.
    await tx.$queryRaw`SELECT id FROM cases WHERE id = ${c.id}::uuid FOR UPDATE`;
    assertOpen(await findCaseInScope(tx, actor, c.caseNo), "file");
    await assertRoom(tx, c.id);
    const row = await tx.caseAttachment.create({
      data: {
        caseId: c.id,
        type: input.type,
        fileName,
        contentType,
        sizeBytes,
        sha256,
        uploadedBy: actor.username,
        content: { create: { bytes: new Uint8Array(input.file.bytes) } },
      },
    });
    // The file name is left out of the audit record: names like 张三身份证.jpg carry personal data.
    await recordAudit(tx, actor, meta, {
      type: "case.attachment_added",
      entityType: "case",
      entityId: c.caseNo,
      ...pathOf(c),
      after: { attachmentId: row.id, type: row.type, contentType, sizeBytes },
    });
    return { id: row.id, caseNo: c.caseNo, type: row.type, fileName, contentType, sizeBytes, sha256 };
  });
}

/** 删除附件 (soft): the file stays on record, the case no longer lists it. */
export async function removeAttachment(actor: TActor, meta: TRequestMeta, input: { caseNo: string; attachmentId: string }) {
  return db.$transaction(async (tx) => {
    const c = await findCaseInScope(tx, actor, input.caseNo);
    assertCan(actor, "case.attach", c);
    assertOpen(c, "attachmentId");
    const attachment = await findActive(tx, c.id, input.attachmentId);
    const { count } = await tx.caseAttachment.updateMany({
      where: { id: attachment.id, removedAt: null },
      data: { removedAt: new Date(), removedBy: actor.username },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "attachment not found");
    await recordAudit(tx, actor, meta, {
      type: "case.attachment_removed",
      entityType: "case",
      entityId: c.caseNo,
      ...pathOf(c),
      before: { attachmentId: attachment.id, type: attachment.type, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes },
    });
    return { id: attachment.id, caseNo: c.caseNo };
  });
}

async function findActive(client: Db, caseId: string, attachmentId: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(attachmentId);
  const found = isUuid ? await client.caseAttachment.findFirst({ where: { id: attachmentId, caseId, removedAt: null } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "attachment not found");
  return found;
}

/** 下载附件: an active attachment of a case inside the actor's region. */
export async function readAttachment(actor: TActor, caseNo: string, attachmentId: string) {
  const c = await findCaseInScope(db, actor, caseNo);
  assertCan(actor, "case.read", c);
  const a = await findActive(db, c.id, attachmentId);
  const content = await db.caseAttachmentContent.findUniqueOrThrow({ where: { attachmentId: a.id } });
  const bytes = new Uint8Array(content.bytes);
  return { fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, bytes };
}
