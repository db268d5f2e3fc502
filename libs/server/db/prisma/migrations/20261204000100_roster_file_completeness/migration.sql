-- The roster lists, filters, sorts and pages pilot enterprises in SQL (issue 11). Each entry keeps its file's
-- completeness (the domain's fileCompleteness, summarised) beside it, so the list never reads the files; names sort
-- as zh-CN readers expect.

-- A memo of fileCompletenessSummary(file) under FILE_COMPLETENESS_VERSION, written in the same transaction as every
-- change of the file. Rows this migration finds get version 0 ("not computed"): `npm run db:prepare` computes them
-- through the domain right after migrating (backfillFileCompleteness). The defaults serve those rows only; every
-- later insert names the values.
ALTER TABLE "PilotEnterprise"
  ADD COLUMN "filePercentage" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "fileComplete" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "fileCompleteness" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "fileCompletenessVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "PilotEnterprise"
  ALTER COLUMN "filePercentage" DROP DEFAULT,
  ALTER COLUMN "fileComplete" DROP DEFAULT,
  ALTER COLUMN "fileCompleteness" DROP DEFAULT,
  ALTER COLUMN "fileCompletenessVersion" DROP DEFAULT;
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT pilot_file_percentage_range CHECK ("filePercentage" BETWEEN 0 AND 100);
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT pilot_file_completeness_version CHECK ("fileCompletenessVersion" >= 0);
ALTER TABLE "PilotEnterprise" ADD CONSTRAINT pilot_file_complete_is_full CHECK (NOT "fileComplete" OR "filePercentage" = 100);

-- 企业名称 in pinyin order, numbers by their value (“企业9” before “企业10”): ICU's zh collation, as the browser's
-- Intl.Collator("zh-CN", { numeric: true }) orders them. Deterministic, so equality and LIKE are unchanged.
CREATE COLLATION IF NOT EXISTS "zh_pinyin_numeric" (provider = icu, locale = 'zh-u-kn-true');
ALTER TABLE "Enterprise" ALTER COLUMN "name" SET DATA TYPE TEXT COLLATE "zh_pinyin_numeric";

-- Whoever may write a pilot enterprise's file: its county's team, the enterprise itself, a provider linked to it.
-- (Which section each may write stays with the EnterpriseFileSection policies.)
CREATE FUNCTION app_writes_enterprise_file(county text, enterprise uuid, pilot uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_writes_county(county)
       OR coalesce(app_scope_kind() = 'enterprise' AND enterprise = app_enterprise_id(), false)
       OR app_provider_linked_to(pilot) $$;

-- A file's writers do not update the roster entry itself (RLS lets only the county and its city do so); these two
-- functions let them do the one thing a save needs, for a file they may write and nothing else. Both run as their
-- owner, who bypasses RLS, and check the caller's scope themselves.
-- 1. Lock the entry (FOR NO KEY UPDATE: section rows may still be inserted beside it) before the file is read for
--    its completeness, so two sections saved at once are summed over both saves.
CREATE FUNCTION app_lock_enterprise_file(pilot uuid) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ BEGIN
  PERFORM 1 FROM "PilotEnterprise" p
    WHERE p.id = pilot AND app_writes_enterprise_file(p."countyId", p."enterpriseId", p.id) FOR NO KEY UPDATE OF p;
  RETURN FOUND;
END $$;
-- 2. Store the completeness the API computed from the file (the domain's rule), leaving updatedAt as it is.
CREATE FUNCTION app_store_file_completeness(pilot uuid, percentage integer, complete boolean, sections jsonb, version integer) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ BEGIN
  UPDATE "PilotEnterprise" p
     SET "filePercentage" = percentage, "fileComplete" = complete, "fileCompleteness" = sections, "fileCompletenessVersion" = version
   WHERE p.id = pilot AND app_writes_enterprise_file(p."countyId", p."enterpriseId", p.id);
  RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION app_lock_enterprise_file(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_store_file_completeness(uuid, integer, boolean, jsonb, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_lock_enterprise_file(uuid) TO dtpilot_app;
GRANT EXECUTE ON FUNCTION app_store_file_completeness(uuid, integer, boolean, jsonb, integer) TO dtpilot_app;
