-- CreateEnum
CREATE TYPE "catalogue_status" AS ENUM ('draft', 'published', 'retired');

-- CreateEnum
CREATE TYPE "assessment_status" AS ENUM ('draft', 'submitted', 'confirmed', 'superseded');

-- CreateTable
CREATE TABLE "catalogue_versions" (
    "id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "number" INTEGER NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "status" "catalogue_status" NOT NULL DEFAULT 'draft',
    "effective_from" DATE,
    "content" JSONB NOT NULL,
    "based_on_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "published_by" VARCHAR(50),
    "retired_at" TIMESTAMPTZ(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_by" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalogue_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "county_settings" (
    "county_code" VARCHAR(6) NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by" VARCHAR(50) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "county_settings_pkey" PRIMARY KEY ("county_code","key")
);

-- CreateTable
CREATE TABLE "assessments" (
    "id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "reason" VARCHAR(20) NOT NULL,
    "assessed_on" DATE NOT NULL,
    "place" VARCHAR(100),
    "assessor1_user_id" UUID,
    "assessor1_name" VARCHAR(50) NOT NULL,
    "assessor1_cert_no" VARCHAR(50),
    "assessor2_user_id" UUID,
    "assessor2_name" VARCHAR(50),
    "assessor2_cert_no" VARCHAR(50),
    "informant_name" VARCHAR(50),
    "informant_relation" VARCHAR(20),
    "items" JSONB NOT NULL,
    "coma" BOOLEAN NOT NULL DEFAULT false,
    "diagnoses" JSONB NOT NULL DEFAULT '[]',
    "risk_events" JSONB NOT NULL DEFAULT '[]',
    "indicator_scores" JSONB,
    "total" INTEGER,
    "preliminary_level" SMALLINT,
    "final_level" SMALLINT,
    "changes" JSONB,
    "status" "assessment_status" NOT NULL DEFAULT 'draft',
    "supersedes_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by" VARCHAR(50),
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by" VARCHAR(50),
    "notes" VARCHAR(500),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "catalogue_versions_county_code_status_effective_from_idx" ON "catalogue_versions"("county_code", "status", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_versions_county_code_number_key" ON "catalogue_versions"("county_code", "number");

-- CreateIndex
CREATE INDEX "assessments_elder_id_status_assessed_on_idx" ON "assessments"("elder_id", "status", "assessed_on");

-- CreateIndex
CREATE INDEX "assessments_county_code_status_assessed_on_idx" ON "assessments"("county_code", "status", "assessed_on");

-- CreateIndex
CREATE INDEX "assessments_township_code_status_idx" ON "assessments"("township_code", "status");

-- CreateIndex
CREATE INDEX "assessments_village_code_status_idx" ON "assessments"("village_code", "status");

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_elder_id_fkey" FOREIGN KEY ("elder_id") REFERENCES "elders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
