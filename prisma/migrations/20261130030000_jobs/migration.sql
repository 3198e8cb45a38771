-- CreateEnum
CREATE TYPE "job_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "requested_by_id" UUID,
    "requested_by" VARCHAR(50) NOT NULL,
    "request_ip" VARCHAR(64),
    "request_agent" VARCHAR(300),
    "dedupe_key" VARCHAR(200),
    "payload" JSONB NOT NULL,
    "phase" VARCHAR(40),
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error_code" VARCHAR(40),
    "error_message" VARCHAR(1000),
    "error_detail" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_files" (
    "id" UUID NOT NULL,
    "job_id" UUID,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "uploaded_by_id" UUID,
    "file_name" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "jobs_county_code_created_at_idx" ON "jobs"("county_code", "created_at" DESC);

-- CreateIndex
CREATE INDEX "jobs_kind_status_idx" ON "jobs"("kind", "status");

-- CreateIndex
CREATE INDEX "job_files_job_id_idx" ON "job_files"("job_id");

-- CreateIndex
CREATE INDEX "job_files_created_at_idx" ON "job_files"("created_at");

-- AddForeignKey
ALTER TABLE "job_files" ADD CONSTRAINT "job_files_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one queued or running job per kind and de-duplication key (e.g. one preview per
-- catalogue version, one scan per county): a second request gets the first job back.
CREATE UNIQUE INDEX "jobs_one_active_per_key" ON "jobs" ("kind", "dedupe_key")
  WHERE "status" IN ('queued', 'running') AND "dedupe_key" IS NOT NULL;
