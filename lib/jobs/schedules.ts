// Recurring work, fired by pg-boss's cron (Asia/Shanghai) in exactly one worker process per
// tick, however many instances run. A schedule does little itself: it queues the real jobs (one
// per county, each visible and de-duplicated like any other job) or tidies up.
//
// Registering a nightly per-county job is one line in SCHEDULES, e.g. the entitlement recompute
// (issue 11) once its job kind exists:
//   nightlyPerCounty("nightly-entitlement-recompute", "30 1 * * *", entitlementRecomputeJob),
import { db } from "@/lib/db";
import { NO_REQUEST_META, systemActor } from "@/lib/authz/actor";
import { enqueueJob } from "@/lib/jobs/service";
import type { TJobDefinition, TJson } from "@/lib/jobs/define";

export const SCHEDULE_TIME_ZONE = "Asia/Shanghai";

export type TSchedule = {
  /** The pg-boss queue of the schedule (kebab-case, starting with its period). */
  name: string;
  /** Five-field cron, in Asia/Shanghai. */
  cron: string;
  run: () => Promise<void>;
};

/** Input files and reports are kept this long after their job. */
export const JOB_FILE_DAYS = 7;

/** The counties in use: those with at least one active staff account. */
export async function countiesInUse(): Promise<string[]> {
  const rows = await db.user.findMany({ where: { active: true }, distinct: ["countyCode"], select: { countyCode: true }, orderBy: { countyCode: "asc" } });
  return rows.map((r) => r.countyCode);
}

/** A schedule that queues `definition` for every county in use, as the county's system actor. */
export function nightlyPerCounty(name: string, cron: string, definition: TJobDefinition<{ countyCode: string }, TJson>): TSchedule {
  return {
    name,
    cron,
    async run() {
      for (const countyCode of await countiesInUse()) {
        await enqueueJob(definition, systemActor(countyCode, "nightly"), NO_REQUEST_META, { countyCode });
      }
    },
  };
}

/** Deletes job files (uploads and reports) older than JOB_FILE_DAYS whose job is not waiting or running. */
export async function deleteOldJobFiles(days = JOB_FILE_DAYS): Promise<number> {
  return db.$executeRaw`
    DELETE FROM job_files f
     WHERE f.created_at < now() - make_interval(days => ${days}::int)
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.status IN ('queued', 'running') AND j.payload->>'fileId' = f.id::text)`;
}

export const SCHEDULES: TSchedule[] = [
  {
    name: "nightly-job-files-cleanup",
    cron: "40 3 * * *",
    run: async () => void (await deleteOldJobFiles()),
  },
];
