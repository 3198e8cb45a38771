import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { maskIdNumber } from "@/lib/audit/mask";
import { createActor, createElder, YANGLING } from "@/lib/testing/factories";
import { updateElder } from "@/lib/elders/service";
import { ZUpdateElder } from "@/lib/elders/schemas";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("audit records keep personal numbers masked", () => {
  it("masks a phone number or bank account typed into an elder's notes", async () => {
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const elder = await createElder({ villageCode: YANGLING.village1 });
    const fields = { id: elder.id, version: elder.version, name: elder.name, idNumber: elder.idNumber, hukouRegionCode: elder.hukouRegionCode, villageCode: elder.villageCode, residence: elder.residence };
    await updateElder(clerk, meta, ZUpdateElder.parse({ ...fields, notes: "女儿 139-1234-5678，代领卡 6217000000001234567" }));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: elder.id, event: "elder.updated" } });
    expect(audit.after).toMatchObject({ notes: "女儿 139****5678，代领卡 6217***********4567" });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/13912345678|6217000000001234567/);
  });

  it("refuses, at the write, an event that still carries one, and the change rolls back with it", async () => {
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const elder = await createElder({ villageCode: YANGLING.village1, name: "李四" });
    const before = await db.auditLog.count();
    const write = db.$transaction(async (tx) => {
      await tx.elder.update({ where: { id: elder.id }, data: { name: "李四13912345678" } });
      await recordAudit(tx, clerk, meta, {
        type: "elder.updated",
        entityType: "elder",
        entityId: elder.id,
        before: { name: "李四" },
        // a string field the schema does not mask: the guard still sees the mobile number
        after: { name: "李四13912345678", idNumber: maskIdNumber(elder.idNumber) },
      });
    });
    await expect(write).rejects.toThrow(/unmasked mobile at \$\.after\.name/);
    expect(await db.auditLog.count()).toBe(before);
    expect((await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).name).toBe("李四");
  });

  it("refuses an unmasked identifier in a masked field", async () => {
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const elder = await createElder({ villageCode: YANGLING.village1 });
    const write = recordAudit(db, clerk, meta, {
      type: "elder.updated",
      entityType: "elder",
      entityId: elder.id,
      after: { idNumber: elder.idNumber as never },
    });
    await expect(write).rejects.toThrow(/unmasked personal identifier/);
  });
});
