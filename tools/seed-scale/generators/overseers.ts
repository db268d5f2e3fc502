/**
 * Those who oversee the counties: province administrators (省工信厅), city officers (设区市, one city each) and
 * third-party reviewers (第三方机构) assigned counties for the batch by the province (ReviewerAssignment).
 */
import { day, officeTime } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import { personName, reviewerName } from "../vocabulary/names";
import type { ScaleBatch, ScaleCity, ScaleCounty } from "./geography";
import { addAccount, type Account } from "./identity";

interface OverseerInput {
  passwordHash: string;
  batch: ScaleBatch;
  cities: readonly ScaleCity[];
  counties: readonly ScaleCounty[];
  provinceAdmins: number;
  cityOfficersPerCity: number;
  countiesPerReviewer: number;
}

export interface Overseers {
  provinceAdmins: Account[];
  cityOfficers: Map<string, Account[]>;
  reviewers: { account: Account; countyIds: string[] }[];
}

const created = (random: Random) => officeTime(random, day("2025-08-01"), day("2025-08-29"));

export function addOverseers(rows: RowSet, random: Random, input: OverseerInput): Overseers {
  const provinceAdmins = Array.from({ length: input.provinceAdmins }, (_, index) =>
    addAccount(rows, random, input.passwordHash, {
      username: `province-${index + 1}`,
      displayName: `省工信厅中小企业处（${personName(random)}）`,
      role: "PROVINCE_ADMIN",
      scope: { kind: "province" },
      createdAt: created(random),
    }),
  );

  const cityOfficers = new Map<string, Account[]>();
  for (const city of input.cities) {
    const countyIds = input.counties.filter((county) => county.city.code === city.code).map((county) => county.code);
    cityOfficers.set(
      city.code,
      Array.from({ length: input.cityOfficersPerCity }, (_, index) =>
        addAccount(rows, random, input.passwordHash, {
          username: `city-${city.code}-${index + 1}`,
          displayName: `${city.name}工信局（${personName(random)}）`,
          role: "CITY_OFFICER",
          scope: { kind: "city", cityId: city.code, countyIds },
          createdAt: created(random),
        }),
      ),
    );
  }

  // Counties dealt to reviewers in turn, so each reviewer covers counties of every region.
  const reviewerCount = Math.max(1, Math.ceil(input.counties.length / input.countiesPerReviewer));
  const assigned: string[][] = Array.from({ length: reviewerCount }, () => []);
  input.counties.forEach((county, index) => assigned[index % reviewerCount]!.push(county.code));
  const reviewers = assigned.map((countyIds, index) => {
    const account = addAccount(rows, random, input.passwordHash, {
      username: `reviewer-${index + 1}`,
      displayName: reviewerName(index),
      role: "REVIEWER",
      scope: { kind: "reviewer", countyIds },
      createdAt: created(random),
    });
    for (const countyId of countyIds) {
      rows.add("reviewerAssignment", { id: random.uuid(), membershipId: account.membershipId, countyId, batchId: input.batch.id });
    }
    return { account, countyIds };
  });
  return { provinceAdmins, cityOfficers, reviewers };
}
