import type { MessagesLike } from "@dtpilot/ui";
import type { providerZhCN } from "./zh-CN";

export const providerEn: MessagesLike<typeof providerZhCN> = {
  nav: { profile: "Provider profile", enterprises: "Enterprises served" },
  profile: {
    title: "Provider profile",
    name: "Provider name",
    creditCode: "Unified social credit code",
    capability: "Capability",
    industry: "Industry",
    origin: "Origin",
  },
  capabilities: { COMPREHENSIVE: "Comprehensive", INDUSTRY: "Industry", SCENARIO: "Scenario" },
  industries: { SMART_EQUIPMENT: "Smart equipment", INDUSTRIAL_SOFTWARE: "Industrial software", NETWORK_COMPUTING: "Network and computing infrastructure" },
  origins: { LOCAL: "Locally grown", EXTERNAL: "Brought in from elsewhere" },
  counties: {
    title: "Pilot counties served",
    name: "County",
    city: "City",
    region: "Region",
    count: "{{count}} counties",
  },
  enterprises: {
    title: "Enterprises served",
    name: "Enterprise name",
    county: "City and county",
    subIndustry: "Sub-industry",
    completeness: "File completeness",
    removed: "Off the roster",
    empty: "No pilot enterprises served yet",
    count: "{{count}} enterprises",
    countyFailed: "The pilot roster of {{county}} cannot be read right now: {{message}}",
    truncated: "{{county}} has {{total}} enterprises served; the first {{shown}} by name are listed here",
  },
  file: {
    title: "Transformation information form",
    back: "Back to enterprises served",
  },
};
