-- CreateIndex
CREATE INDEX "elders_county_code_created_at_id_idx" ON "elders"("county_code", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "elders_township_code_created_at_id_idx" ON "elders"("township_code", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "elders_county_code_name_id_idx" ON "elders"("county_code", "name", "id");
