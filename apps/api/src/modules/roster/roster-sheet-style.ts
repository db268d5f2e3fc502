import type { RosterColumnKey } from "@dtpilot/domain";

/** 万元 with up to 4 decimal places, shown with at least 2 and thousands separators. */
export const AMOUNT_FORMAT = "#,##0.00##";

/** Column widths of the roster's columns, the same in the import template and the export. */
export const ROSTER_COLUMN_WIDTHS: Record<RosterColumnKey, number> = {
  serial: 8,
  name: 40,
  creditCode: 24,
  subIndustry: 30,
  scale: 14,
  specialised: 18,
  lastYearRevenue: 18,
  contactName: 12,
  contactPhone: 18,
};
