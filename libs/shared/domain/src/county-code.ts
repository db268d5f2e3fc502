import { z } from "zod";

/**
 * A county's code, the tenant key every county-owned row carries (`countyId`): a Jiangsu division code of six digits.
 * The shape only, so the functional zones (xx71/xx72) keep passing where a county may name one; `isCountyCode` is the
 * stricter test for the 95 counties themselves.
 */
export const COUNTY_CODE_PATTERN = /^32\d{4}$/;

export const countyCodeSchema = z.string().regex(COUNTY_CODE_PATTERN);

export type CountyCode = z.output<typeof countyCodeSchema>;
