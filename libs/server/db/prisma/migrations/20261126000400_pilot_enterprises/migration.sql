-- CreateEnum
CREATE TYPE "EnterpriseScale" AS ENUM ('ABOVE', 'BELOW');

-- CreateEnum
CREATE TYPE "RosterEntryStatus" AS ENUM ('ACTIVE', 'REMOVED');

-- CreateEnum
CREATE TYPE "FileSection" AS ENUM ('BASIC', 'NEEDS', 'RESULTS', 'EVALUATION');

-- CreateEnum
CREATE TYPE "RosterChangeKind" AS ENUM ('ADD', 'REMOVE', 'REPLACE');

-- CreateEnum
CREATE TYPE "RosterChangeStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateTable
CREATE TABLE "PilotEnterprise" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "subIndustry" TEXT NOT NULL,
    "scale" "EnterpriseScale" NOT NULL,
    "specialised" BOOLEAN NOT NULL,
    "lastYearRevenue" DECIMAL(16,4),
    "contactName" TEXT,
    "contactPhone" TEXT,
    "status" "RosterEntryStatus" NOT NULL DEFAULT 'ACTIVE',
    "transformationStartedOn" DATE,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "PilotEnterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseFileSection" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "pilotEnterpriseId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "section" "FileSection" NOT NULL,
    "content" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnterpriseFileSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseProviderLink" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "pilotEnterpriseId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "linkedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnterpriseProviderLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterChangeRequest" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "kind" "RosterChangeKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "addition" JSONB,
    "removedPilotId" UUID,
    "status" "RosterChangeStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,

    CONSTRAINT "RosterChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PilotEnterprise_countyId_batchId_idx" ON "PilotEnterprise"("countyId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "PilotEnterprise_batchId_enterpriseId_key" ON "PilotEnterprise"("batchId", "enterpriseId");

-- CreateIndex
CREATE INDEX "EnterpriseFileSection_countyId_idx" ON "EnterpriseFileSection"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseFileSection_pilotEnterpriseId_section_key" ON "EnterpriseFileSection"("pilotEnterpriseId", "section");

-- CreateIndex
CREATE INDEX "EnterpriseProviderLink_countyId_idx" ON "EnterpriseProviderLink"("countyId");

-- CreateIndex
CREATE INDEX "EnterpriseProviderLink_providerId_idx" ON "EnterpriseProviderLink"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseProviderLink_pilotEnterpriseId_providerId_key" ON "EnterpriseProviderLink"("pilotEnterpriseId", "providerId");

-- CreateIndex
CREATE INDEX "RosterChangeRequest_countyId_batchId_idx" ON "RosterChangeRequest"("countyId", "batchId");

-- AddForeignKey
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT "PilotEnterprise_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT "PilotEnterprise_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT "PilotEnterprise_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT "PilotEnterprise_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseFileSection" ADD CONSTRAINT "EnterpriseFileSection_pilotEnterpriseId_fkey" FOREIGN KEY ("pilotEnterpriseId") REFERENCES "PilotEnterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseFileSection" ADD CONSTRAINT "EnterpriseFileSection_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseProviderLink" ADD CONSTRAINT "EnterpriseProviderLink_pilotEnterpriseId_fkey" FOREIGN KEY ("pilotEnterpriseId") REFERENCES "PilotEnterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseProviderLink" ADD CONSTRAINT "EnterpriseProviderLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseProviderLink" ADD CONSTRAINT "EnterpriseProviderLink_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT "RosterChangeRequest_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT "RosterChangeRequest_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT "RosterChangeRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT "RosterChangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


ALTER TABLE "EnterpriseFileSection" ADD CONSTRAINT file_section_revision_positive CHECK ("revision" >= 1);
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT roster_change_reason_present CHECK (length(btrim("reason")) > 0);
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT roster_change_parts_match_kind CHECK (
  CASE "kind"
    WHEN 'ADD' THEN "addition" IS NOT NULL AND "removedPilotId" IS NULL
    WHEN 'REMOVE' THEN "addition" IS NULL AND "removedPilotId" IS NOT NULL
    WHEN 'REPLACE' THEN "addition" IS NOT NULL AND "removedPilotId" IS NOT NULL
  END);
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT roster_change_decision_complete CHECK (
  ("status" = 'PENDING') = ("decidedById" IS NULL AND "decidedAt" IS NULL));

-- The provider linked to a pilot enterprise (read by the provider itself).
CREATE FUNCTION app_provider_linked_to(pilot uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_scope_kind() = 'provider' AND EXISTS (
     SELECT 1 FROM "EnterpriseProviderLink" l WHERE l."pilotEnterpriseId" = pilot AND l."providerId" = app_provider_id()) $$;

SELECT app_protect_county_table('"EnterpriseProviderLink"');
CREATE POLICY scope_read ON "EnterpriseProviderLink" FOR SELECT USING (
  app_reads_county("countyId") OR (app_scope_kind() = 'provider' AND "providerId" = app_provider_id()));

-- 试点企业: read county-wide, by the enterprise itself and by its linked providers. The county writes; its city
-- applies the roster changes it approves (备案同意) — the API does so only for an approved change request.
SELECT app_protect_county_table('"PilotEnterprise"');
CREATE POLICY scope_read ON "PilotEnterprise" FOR SELECT USING (
  app_reads_county("countyId")
  OR (app_scope_kind() = 'enterprise' AND "enterpriseId" = app_enterprise_id())
  OR app_provider_linked_to(id));
CREATE POLICY city_apply_change_insert ON "PilotEnterprise" FOR INSERT
  WITH CHECK (app_scope_kind() = 'city' AND app_reviews_county("countyId"));
CREATE POLICY city_apply_change_update ON "PilotEnterprise" FOR UPDATE
  USING (app_scope_kind() = 'city' AND app_reviews_county("countyId"))
  WITH CHECK (app_scope_kind() = 'city' AND app_reviews_county("countyId"));
-- An enterprise added by an approved change may be new to the county.
CREATE POLICY city_apply_change_insert ON "Enterprise" FOR INSERT
  WITH CHECK (app_scope_kind() = 'city' AND app_reviews_county("countyId"));

-- 改造信息表 sections: read like the pilot enterprise; written by the county (every section), by the enterprise
-- (一 基本情况, 二 需求, 三 成效) and by a linked provider (二, 三). Section 四 is the county's alone.
SELECT app_protect_county_table('"EnterpriseFileSection"');
CREATE POLICY scope_read ON "EnterpriseFileSection" FOR SELECT USING (
  app_reads_county("countyId")
  OR (app_scope_kind() = 'enterprise' AND "enterpriseId" = app_enterprise_id())
  OR app_provider_linked_to("pilotEnterpriseId"));
CREATE POLICY enterprise_write_insert ON "EnterpriseFileSection" FOR INSERT WITH CHECK (
  app_scope_kind() = 'enterprise' AND "enterpriseId" = app_enterprise_id() AND "section"::text IN ('BASIC', 'NEEDS', 'RESULTS'));
CREATE POLICY enterprise_write_update ON "EnterpriseFileSection" FOR UPDATE
  USING (app_scope_kind() = 'enterprise' AND "enterpriseId" = app_enterprise_id() AND "section"::text IN ('BASIC', 'NEEDS', 'RESULTS'))
  WITH CHECK (app_scope_kind() = 'enterprise' AND "enterpriseId" = app_enterprise_id() AND "section"::text IN ('BASIC', 'NEEDS', 'RESULTS'));
CREATE POLICY provider_write_insert ON "EnterpriseFileSection" FOR INSERT WITH CHECK (
  app_provider_linked_to("pilotEnterpriseId") AND "section"::text IN ('NEEDS', 'RESULTS'));
CREATE POLICY provider_write_update ON "EnterpriseFileSection" FOR UPDATE
  USING (app_provider_linked_to("pilotEnterpriseId") AND "section"::text IN ('NEEDS', 'RESULTS'))
  WITH CHECK (app_provider_linked_to("pilotEnterpriseId") AND "section"::text IN ('NEEDS', 'RESULTS'));

-- Roster change requests: the county asks; its city decides; the province reads.
SELECT app_protect_county_table('"RosterChangeRequest"');
CREATE POLICY scope_read ON "RosterChangeRequest" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY city_decide ON "RosterChangeRequest" FOR UPDATE
  USING (app_scope_kind() = 'city' AND app_reviews_county("countyId"))
  WITH CHECK (app_scope_kind() = 'city' AND app_reviews_county("countyId"));

GRANT SELECT, INSERT, UPDATE ON "PilotEnterprise", "EnterpriseFileSection", "RosterChangeRequest" TO dtpilot_app;
GRANT SELECT, INSERT, DELETE ON "EnterpriseProviderLink" TO dtpilot_app;

-- A credit code is unique across the province, but row-level security hides other counties' enterprises: this tells
-- a county whether a code it is about to enrol belongs to an enterprise registered in another county, and nothing
-- more (the registry of credit codes is public). Runs as its owner, who bypasses RLS.
CREATE FUNCTION app_credit_code_registered_elsewhere(code text, county text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM "Enterprise" e WHERE e."creditCode" = code AND e."countyId" <> county) $$;
REVOKE ALL ON FUNCTION app_credit_code_registered_elsewhere(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_credit_code_registered_elsewhere(text, text) TO dtpilot_app;

-- A provider reads the organisations of the pilot enterprises it is linked to (their names and credit codes).
CREATE POLICY provider_linked_read ON "Enterprise" FOR SELECT USING (
  app_scope_kind() = 'provider' AND EXISTS (
    SELECT 1 FROM "PilotEnterprise" p JOIN "EnterpriseProviderLink" l ON l."pilotEnterpriseId" = p.id
    WHERE p."enterpriseId" = "Enterprise".id AND l."providerId" = app_provider_id()));
