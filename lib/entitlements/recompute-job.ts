// 重新计算享受待遇 as a background job: the nightly run per county (lib/jobs/schedules.ts), and
// after a county-level change (parameters, entitlement settings, a newly published catalogue
// version). The run writes in chunks of elders, each chunk one transaction; a run interrupted
// half-way leaves every chunk it finished consistent, and running it again is idempotent, so a
// retry simply finishes the work (ADR 016).
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { recomputeCounty } from "@/lib/entitlements/recompute";

export const entitlementRecomputeJob = defineJob({
  kind: "entitlement-recompute",
  payload: z.object({ countyCode: z.string().regex(/^\d{6}$/) }),
  // Asked for by what changes county-wide rules or figures (the county admin), and the schedule.
  requestAction: "settings.manage",
  readAction: "entitlement.read",
  dedupeKey: (p) => p.countyCode,
  async handler(payload, ctx) {
    const result = await recomputeCounty(payload.countyCode, { actor: ctx.actor, onProgress: (done, total) => ctx.progress(done, total, "recompute") });
    return db.$transaction((tx) => ctx.succeed(tx, result));
  },
});
