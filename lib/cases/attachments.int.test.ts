import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor, createElder, YANGLING } from "@/lib/testing/factories";
import { createDraftCase, type TCaseActors } from "@/lib/testing/case-factories";
import { loadSeedCatalogue } from "@/lib/catalogue/service";
import { actOnCase } from "@/lib/cases/service";
import { getCase } from "@/lib/cases/queries";
import { addAttachment, readAttachment, removeAttachment } from "@/lib/cases/attachments";
import { ATTACHMENT_LIMITS } from "@/lib/cases/schemas";
import type { AppError } from "@/lib/errors/app-error";
import type { TActor } from "@/lib/authz/actor";

// The audit writer can be made to fail, to see the stored bytes rolled back with the row.
const auditFails = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/audit/record")>();
  return {
    ...original,
    recordAudit: async (...args: Parameters<typeof original.recordAudit>) => {
      if (auditFails.on) throw new Error("audit store unavailable");
      return original.recordAudit(...args);
    },
  };
});

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let actors: TCaseActors;
let otherClerk: TActor;
let otherReviewer: TActor;

const pdf = (size = 1200, name = "身份证复印件.pdf") => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  for (let i = 9; i < size; i++) bytes[i] = i % 251;
  return { name, contentType: "application/pdf", bytes };
};

async function draftCase() {
  const elder = await createElder({ birthDate: "1943-03-02", villageCode: YANGLING.village1 });
  return createDraftCase(actors.clerk, { elderId: elder.id });
}

/** The stored contents (bytes) of a case's attachments, or of all cases. */
const storedContents = (caseId?: string) => db.caseAttachmentContent.count({ where: caseId ? { attachment: { caseId } } : {} });

async function written() {
  return {
    rows: await db.caseAttachment.count(),
    audit: await db.auditLog.count({ where: { event: { in: ["case.attachment_added", "case.attachment_removed"] } } }),
    contents: await storedContents(),
  };
}

/** The call's refusal as code and field errors; asserts that it wrote nothing. */
async function refusal(call: () => Promise<unknown>) {
  const before = await written();
  let error: AppError | undefined;
  try {
    await call();
  } catch (e) {
    error = e as AppError;
  }
  expect(error, "expected a refusal").toBeDefined();
  expect(await written()).toEqual(before);
  return { code: error!.code, fieldErrors: error!.fieldErrors };
}

beforeAll(async () => {
  await loadSeedCatalogue("610403");
  actors = {
    clerk: await createActor({ role: "village_clerk", regionCode: YANGLING.village1, displayName: "赵丽" }),
    reviewer: await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 }),
    approver: await createActor({ role: "county_approver", regionCode: YANGLING.county }),
  };
  otherClerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village2 });
  otherReviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township2 });
});

describe("case attachments", () => {
  it("stores the bytes outside the row, records it, serves it, and removes it softly", async () => {
    const c = await draftCase();
    const file = pdf();
    const added = await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file });
    expect(added).toMatchObject({ caseNo: c.caseNo, type: "id_card", fileName: "身份证复印件.pdf", contentType: "application/pdf", sizeBytes: 1200 });
    expect(added.sha256).toBe(createHash("sha256").update(file.bytes).digest("hex"));

    const row = await db.caseAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({ caseId: c.id, uploadedBy: actors.clerk.username, removedAt: null });
    const content = await db.caseAttachmentContent.findUniqueOrThrow({ where: { attachmentId: added.id } });
    expect(new Uint8Array(content.bytes)).toEqual(file.bytes);

    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "case.attachment_added", entityId: c.caseNo } });
    expect(audit).toMatchObject({ entityType: "case", actorUsername: actors.clerk.username, villageCode: YANGLING.village1 });
    // No file name in the audit record (names carry personal data).
    expect(audit.after).toEqual({ attachmentId: added.id, type: "id_card", contentType: "application/pdf", sizeBytes: 1200 });

    // The township and the county read it; the township may also add.
    for (const reader of [actors.clerk, actors.reviewer, actors.approver]) {
      const read = await readAttachment(reader, c.caseNo, added.id);
      expect(read).toMatchObject({ fileName: "身份证复印件.pdf", contentType: "application/pdf" });
      expect(read.bytes).toEqual(file.bytes);
    }
    await addAttachment(actors.reviewer, meta, { caseNo: c.caseNo, type: "photo", file: { name: "现场.JPG", contentType: "image/jpeg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]) } });
    expect((await getCase(actors.clerk, c.caseNo)).attachments.map((a) => a.type)).toEqual(["id_card", "photo"]);

    await removeAttachment(actors.clerk, meta, { caseNo: c.caseNo, attachmentId: added.id });
    const removed = await db.caseAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(removed.removedBy).toBe(actors.clerk.username);
    expect(removed.removedAt).not.toBeNull();
    expect(await storedContents(c.id)).toBe(2); // kept on record
    const removal = await db.auditLog.findFirstOrThrow({ where: { event: "case.attachment_removed", entityId: c.caseNo } });
    expect(removal.before).toEqual({ attachmentId: added.id, type: "id_card", contentType: "application/pdf", sizeBytes: 1200 });
    expect((await getCase(actors.clerk, c.caseNo)).attachments.map((a) => a.type)).toEqual(["photo"]);
    expect((await refusal(() => readAttachment(actors.clerk, c.caseNo, added.id))).code).toBe("NOT_FOUND");
    expect((await refusal(() => removeAttachment(actors.clerk, meta, { caseNo: c.caseNo, attachmentId: added.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses a file over 10 MB, and an empty one", async () => {
    const c = await draftCase();
    expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf(ATTACHMENT_LIMITS.maxBytes + 1) }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { file: ["cases.validation.attachmentSize"] },
    });
    expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: { ...pdf(), bytes: new Uint8Array() } }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { file: ["cases.validation.attachmentEmpty"] },
    });
    // Exactly 10 MB is allowed.
    await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf(ATTACHMENT_LIMITS.maxBytes) });
  });

  it("refuses a file type outside PDF/JPEG/PNG, a name that does not match its type, and an unknown material type", async () => {
    const c = await draftCase();
    const bad = [
      { name: "说明.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { name: "script.exe", contentType: "application/pdf" },
      { name: "photo.png", contentType: "image/jpeg" },
      { name: "noextension", contentType: "image/png" },
    ];
    for (const f of bad) {
      expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "other", file: { ...f, bytes: new Uint8Array([1, 2, 3]) } }))).toEqual({
        code: "VALIDATION",
        fieldErrors: { file: ["cases.validation.attachmentType"] },
      });
    }
    expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "passport", file: pdf() }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { type: ["cases.validation.attachmentCategory"] },
    });
  });

  it("takes at most 20 active attachments per case; a removed one makes room", async () => {
    const c = await draftCase();
    const ids: string[] = [];
    for (let i = 0; i < ATTACHMENT_LIMITS.maxPerCase; i++) {
      ids.push((await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "other", file: pdf(100, `材料${i}.pdf`) })).id);
    }
    expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "other", file: pdf(100, "第21个.pdf") }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { file: ["cases.validation.attachmentCount"] },
    });
    await removeAttachment(actors.clerk, meta, { caseNo: c.caseNo, attachmentId: ids[0] });
    await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "other", file: pdf(100, "第21个.pdf") });
    // Two uploads at once when one place is left: exactly one gets it.
    await removeAttachment(actors.clerk, meta, { caseNo: c.caseNo, attachmentId: ids[1] });
    const race = await Promise.allSettled([1, 2].map((n) => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "other", file: pdf(100, `并发${n}.pdf`) })));
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.caseAttachment.count({ where: { caseId: c.id, removedAt: null } })).toBe(ATTACHMENT_LIMITS.maxPerCase);
    expect(await db.caseAttachment.count({ where: { caseId: c.id } })).toBe(await storedContents(c.id));
  });

  it("answers 404 outside the region and 403 to a role that may not attach, writing nothing", async () => {
    const c = await draftCase();
    const { id } = await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() });
    for (const outsider of [otherClerk, otherReviewer]) {
      expect((await refusal(() => addAttachment(outsider, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() }))).code).toBe("NOT_FOUND");
      expect((await refusal(() => removeAttachment(outsider, meta, { caseNo: c.caseNo, attachmentId: id }))).code).toBe("NOT_FOUND");
      expect((await refusal(() => readAttachment(outsider, c.caseNo, id))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(() => addAttachment(actors.approver, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => readAttachment(actors.clerk, "not-a-case", id))).code).toBe("NOT_FOUND");
    expect((await refusal(() => readAttachment(actors.clerk, c.caseNo, "not-a-uuid"))).code).toBe("NOT_FOUND");
  });

  it("refuses changes once the case is closed, but still serves its files", async () => {
    const c = await draftCase();
    const { id } = await addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() });
    await actOnCase(actors.clerk, meta, c.caseNo, { action: "withdraw", comment: "申请人撤回", expectedVersion: 0 });
    expect(await refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { file: ["cases.validation.attachmentClosed"] },
    });
    expect(await refusal(() => removeAttachment(actors.clerk, meta, { caseNo: c.caseNo, attachmentId: id }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { attachmentId: ["cases.validation.attachmentClosed"] },
    });
    expect((await readAttachment(actors.clerk, c.caseNo, id)).bytes.byteLength).toBe(1200);
    expect((await getCase(actors.clerk, c.caseNo)).canAttach).toBe(false);
  });

  it("keeps no bytes when the row's transaction fails", async () => {
    const c = await draftCase();
    auditFails.on = true;
    try {
      await expect(refusal(() => addAttachment(actors.clerk, meta, { caseNo: c.caseNo, type: "id_card", file: pdf() }))).resolves.toBeDefined();
    } finally {
      auditFails.on = false;
    }
    expect(await storedContents(c.id)).toBe(0);
  });
});
