-- Row-level tenancy. The API sets these transaction-local settings for the request's scope
-- (set_config(name, value, true)); with none set, every policy below admits no county row.
--   app.scope_kind      province | reviewer | city | county | enterprise | provider
--   app.county_ids      comma-separated county codes readable county-wide (city, reviewer, county)
--   app.write_county_id the one county whose rows may be written (county scope only)
--   app.enterprise_id   the enterprise of an enterprise user
--   app.provider_id     the provider of a provider user

CREATE FUNCTION app_scope_kind() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.scope_kind', true), '') $$;

CREATE FUNCTION app_county_ids() RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(string_to_array(nullif(current_setting('app.county_ids', true), ''), ','), '{}'::text[]) $$;

CREATE FUNCTION app_enterprise_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid $$;

CREATE FUNCTION app_provider_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.provider_id', true), '')::uuid $$;

-- County-wide read: the province reads every county; city, reviewer and county scopes their listed counties.
CREATE FUNCTION app_reads_county(county text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(app_scope_kind() = 'province'
       OR (app_scope_kind() IN ('city', 'reviewer', 'county') AND county = ANY (app_county_ids())), false) $$;

-- County-owned rows are written by that county's own team only.
CREATE FUNCTION app_writes_county(county text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(app_scope_kind() = 'county'
       AND county = nullif(current_setting('app.write_county_id', true), ''), false) $$;

-- Every county-owned table gets RLS enabled and forced, and the county write policies. Its read policy is
-- written beside it, because who besides the county may read differs per table.
CREATE FUNCTION app_protect_county_table(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY county_insert ON %s FOR INSERT WITH CHECK (app_writes_county("countyId"))', tbl);
  EXECUTE format('CREATE POLICY county_update ON %s FOR UPDATE USING (app_writes_county("countyId")) WITH CHECK (app_writes_county("countyId"))', tbl);
  EXECUTE format('CREATE POLICY county_delete ON %s FOR DELETE USING (app_writes_county("countyId"))', tbl);
END $$;

-- 试点县: read county-wide; the province opens batches and enrols counties.
SELECT app_protect_county_table('"PilotCounty"');
CREATE POLICY scope_read ON "PilotCounty" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY province_write ON "PilotCounty" FOR ALL
  USING (app_scope_kind() = 'province') WITH CHECK (app_scope_kind() = 'province');

-- 企业: county-wide read, and an enterprise user reads its own organisation.
SELECT app_protect_county_table('"Enterprise"');
CREATE POLICY scope_read ON "Enterprise" FOR SELECT USING (
  app_reads_county("countyId") OR (app_scope_kind() = 'enterprise' AND id = app_enterprise_id()));

-- Counties a provider serves: county-wide read, and the provider reads its own links.
SELECT app_protect_county_table('"ProviderCounty"');
CREATE POLICY scope_read ON "ProviderCounty" FOR SELECT USING (
  app_reads_county("countyId") OR (app_scope_kind() = 'provider' AND "providerId" = app_provider_id()));

-- A membership carries exactly the scope columns its role needs.
ALTER TABLE "Membership" ADD CONSTRAINT membership_scope_matches_role CHECK (
  CASE role
    WHEN 'PROVINCE_ADMIN' THEN num_nonnulls("cityCode", "countyId", "enterpriseId", "providerId") = 0
    WHEN 'REVIEWER' THEN num_nonnulls("cityCode", "countyId", "enterpriseId", "providerId") = 0
    WHEN 'CITY_OFFICER' THEN "cityCode" IS NOT NULL AND num_nonnulls("countyId", "enterpriseId", "providerId") = 0
    WHEN 'COUNTY_ADMIN' THEN "countyId" IS NOT NULL AND num_nonnulls("cityCode", "enterpriseId", "providerId") = 0
    WHEN 'ENTERPRISE_USER' THEN "enterpriseId" IS NOT NULL AND num_nonnulls("cityCode", "countyId", "providerId") = 0
    WHEN 'PROVIDER_USER' THEN "providerId" IS NOT NULL AND num_nonnulls("cityCode", "countyId", "enterpriseId") = 0
  END);

-- The application role: data access only, no DDL. Geography is reference data it reads.
GRANT USAGE ON SCHEMA public TO dtpilot_app;
GRANT SELECT ON "City", "County" TO dtpilot_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Batch", "PilotCounty", "Enterprise", "Provider", "ProviderCounty",
  "User", "Membership", "ReviewerAssignment" TO dtpilot_app;
