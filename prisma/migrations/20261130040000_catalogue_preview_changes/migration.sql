-- CreateEnum
CREATE TYPE "preview_change" AS ENUM ('gained', 'lost', 'amount_changed');

-- CreateTable
CREATE TABLE "catalogue_preview_changes" (
    "job_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "item_code" VARCHAR(40) NOT NULL,
    "change" "preview_change" NOT NULL,
    "before_monthly_fen" INTEGER,
    "before_one_off_fen" INTEGER,
    "after_monthly_fen" INTEGER,
    "after_one_off_fen" INTEGER,
    "reasons" JSONB NOT NULL,

    CONSTRAINT "catalogue_preview_changes_pkey" PRIMARY KEY ("job_id","item_code","elder_id")
);

-- CreateIndex
CREATE INDEX "catalogue_preview_changes_version_id_idx" ON "catalogue_preview_changes"("version_id");

-- AddForeignKey
ALTER TABLE "catalogue_preview_changes" ADD CONSTRAINT "catalogue_preview_changes_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

