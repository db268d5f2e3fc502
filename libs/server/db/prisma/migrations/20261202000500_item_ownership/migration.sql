-- Statements in an enterprise's file are owned by whoever made them (issue 9; the rules in full, with the county's
-- part: libs/domain/src/enterprise-file/item-ownership.ts). Enforced here for the two outside writers:
--   a provider changes only its own needs and never 对所使用数字化服务商及评价 (the enterprise's evaluation of providers);
--   an enterprise changes only its own needs, not a provider's or the county's.
-- The county (keeper of the whole file) and the owner role are not restricted here.

-- Whether the transaction's writer made this need item.
CREATE FUNCTION app_owns_file_item(item jsonb) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(CASE app_scope_kind()
     WHEN 'provider' THEN item->>'author' = 'PROVIDER' AND item->>'providerId' = app_provider_id()::text
     WHEN 'enterprise' THEN item->>'author' = 'ENTERPRISE'
     ELSE true END, false) $$;

-- The need items of section 二 with their direction; items compare with nulls stripped (an absent optional field
-- and a null one are the same statement).
CREATE FUNCTION app_file_need_items(content jsonb) RETURNS TABLE (direction text, item jsonb) LANGUAGE sql IMMUTABLE AS
$$ SELECT d.key, jsonb_strip_nulls(i.value)
   FROM jsonb_each(CASE WHEN jsonb_typeof(content) = 'object' THEN content ELSE '{}'::jsonb END) d,
        jsonb_array_elements(CASE WHEN jsonb_typeof(d.value) = 'array' THEN d.value ELSE '[]'::jsonb END) i $$;

CREATE FUNCTION app_file_section_ownership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := app_scope_kind();
  saved jsonb := CASE WHEN TG_OP = 'UPDATE' THEN OLD.content END;
  offending text;
BEGIN
  IF kind IS NULL OR kind NOT IN ('provider', 'enterprise') THEN
    RETURN NEW;
  END IF;
  IF NEW."section"::text = 'NEEDS' THEN
    -- Another's item deleted, moved or changed; else a new or changed item that is not the writer's own.
    SELECT o.item->>'id' INTO offending FROM (
      SELECT direction, item FROM app_file_need_items(saved) WHERE NOT app_owns_file_item(item)
      EXCEPT SELECT direction, item FROM app_file_need_items(NEW.content)) o
    LIMIT 1;
    IF offending IS NULL THEN
      SELECT n.item->>'id' INTO offending FROM (
        SELECT direction, item FROM app_file_need_items(NEW.content) WHERE NOT app_owns_file_item(item)
        EXCEPT SELECT direction, item FROM app_file_need_items(saved)) n
      LIMIT 1;
    END IF;
    IF offending IS NOT NULL THEN
      RAISE EXCEPTION 'need % of this enterprise file is not the % writer''s own', offending, kind
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW."section"::text = 'RESULTS' AND kind = 'provider'
    AND jsonb_strip_nulls(coalesce(NEW.content->'providerEvaluations', '[]'::jsonb))
        IS DISTINCT FROM jsonb_strip_nulls(coalesce(saved->'providerEvaluations', '[]'::jsonb)) THEN
    RAISE EXCEPTION 'a provider cannot write the enterprise''s evaluation of its providers'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER file_section_ownership BEFORE INSERT OR UPDATE ON "EnterpriseFileSection"
  FOR EACH ROW EXECUTE FUNCTION app_file_section_ownership();
