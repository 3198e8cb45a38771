-- Trigram indexes for name and ID-number search (contains / partial match).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "sex" AS ENUM ('male', 'female');

-- CreateEnum
CREATE TYPE "residence" AS ENUM ('urban', 'rural');

-- CreateEnum
CREATE TYPE "elder_status" AS ENUM ('living', 'deceased', 'moved_out');

-- CreateTable
CREATE TABLE "elders" (
    "id" UUID NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "sex" "sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "hukou_region_code" VARCHAR(12) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "residence" "residence" NOT NULL,
    "address" VARCHAR(200),
    "phone" VARCHAR(20),
    "guardian_name" VARCHAR(50),
    "guardian_relation" VARCHAR(20),
    "guardian_phone" VARCHAR(20),
    "bank_name" VARCHAR(50),
    "bank_account" VARCHAR(32),
    "status" "elder_status" NOT NULL DEFAULT 'living',
    "death_date" DATE,
    "moved_out_date" DATE,
    "moved_out_to" VARCHAR(100),
    "notes" VARCHAR(500),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "elders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "circumstance_records" (
    "id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "source" VARCHAR(100),
    "document_no" VARCHAR(60),
    "note" VARCHAR(300),
    "disability_category" VARCHAR(20),
    "disability_grade" SMALLINT,
    "certificate_no" VARCHAR(40),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "circumstance_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "elders_id_number_key" ON "elders"("id_number");

-- CreateIndex
CREATE INDEX "elders_county_code_birth_date_idx" ON "elders"("county_code", "birth_date");

-- CreateIndex
CREATE INDEX "elders_township_code_birth_date_idx" ON "elders"("township_code", "birth_date");

-- CreateIndex
CREATE INDEX "elders_village_code_birth_date_idx" ON "elders"("village_code", "birth_date");

-- CreateIndex
CREATE INDEX "elders_county_code_status_idx" ON "elders"("county_code", "status");

-- CreateIndex
CREATE INDEX "elders_name_trgm_idx" ON "elders" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "elders_id_number_trgm_idx" ON "elders" USING GIN ("id_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "circumstance_records_elder_id_idx" ON "circumstance_records"("elder_id");

-- CreateIndex
CREATE INDEX "circumstance_records_type_start_date_idx" ON "circumstance_records"("type", "start_date");

-- AddForeignKey
ALTER TABLE "elders" ADD CONSTRAINT "elders_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "circumstance_records" ADD CONSTRAINT "circumstance_records_elder_id_fkey" FOREIGN KEY ("elder_id") REFERENCES "elders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
