import type { Me } from "@dtpilot/data-access";
import type { TFunction } from "i18next";

/** The unit the user acts for, as shown in the top bar: their county, enterprise, provider, city or the province. */
export function organisationOf(me: Me, t: TFunction<"common">): string {
  if (me.enterprise) return me.enterprise.name;
  if (me.provider) return me.provider.name;
  if (me.county) return me.county.name;
  if (me.city) return me.city.name;
  if (me.scope.kind === "province") return t("province");
  return t(`roles.${me.role}`);
}
