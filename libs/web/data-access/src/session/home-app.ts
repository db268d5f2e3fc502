import type { Me } from "../trpc/trpc";

export type AppName = "county" | "enterprise" | "provider" | "province";

/** The app each role lands in after sign-in: counties, enterprises and providers their own; oversight roles the province's. */
export function homeAppFor(role: Me["role"]): AppName {
  switch (role) {
    case "COUNTY_ADMIN":
      return "county";
    case "ENTERPRISE_USER":
      return "enterprise";
    case "PROVIDER_USER":
      return "provider";
    case "PROVINCE_ADMIN":
    case "CITY_OFFICER":
    case "REVIEWER":
      return "province";
  }
}
