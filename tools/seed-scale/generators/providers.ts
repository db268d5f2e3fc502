/**
 * 数字化服务商: a pool of providers, most based in one city and serving its counties, some working province-wide
 * (外地引入 among them), each with one or two accounts. A county is served (ProviderCounty) by a few of its city's
 * providers and a few wide ones, so providers serve many counties and counties share providers.
 */
import type { ProviderCapability, ProviderIndustry, ProviderOrigin } from "@dtpilot/db";
import { officeTime, day } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import { providerName } from "../vocabulary/names";
import { creditCode } from "./credit-codes";
import type { ScaleCity, ScaleCounty } from "./geography";
import { addAccount, type Account } from "./identity";
import type { ScaleRun } from "./run-context";

export interface ProviderRecord {
  id: string;
  name: string;
  creditCode: string;
  /** Null for a provider working province-wide. */
  cityCode: string | null;
  accounts: Account[];
}

/** Where province-wide providers are registered: Jiangsu's capital and Suzhou, and (外地引入) other provinces' hubs. */
const WIDE_HOMES: readonly { division: string; place: string; origin: ProviderOrigin }[] = [
  { division: "320100", place: "南京", origin: "LOCAL" },
  { division: "320500", place: "苏州", origin: "LOCAL" },
  { division: "110108", place: "北京", origin: "EXTERNAL" },
  { division: "310115", place: "上海", origin: "EXTERNAL" },
  { division: "330106", place: "杭州", origin: "EXTERNAL" },
  { division: "440305", place: "深圳", origin: "EXTERNAL" },
];

const CAPABILITIES: readonly (readonly [ProviderCapability, number])[] = [
  ["COMPREHENSIVE", 3],
  ["INDUSTRY", 4],
  ["SCENARIO", 3],
];
const INDUSTRIES: readonly (readonly [ProviderIndustry, number])[] = [
  ["INDUSTRIAL_SOFTWARE", 5],
  ["SMART_EQUIPMENT", 3],
  ["NETWORK_COMPUTING", 2],
];

interface PoolInput {
  cities: readonly ScaleCity[];
  providersPerCity: number;
  wideProviders: number;
  passwordHash: string;
}

export function addProviderPool(rows: RowSet, random: Random, input: PoolInput): ProviderRecord[] {
  const providers: ProviderRecord[] = [];
  const serials = new Map<string, number>();
  const add = (division: string, place: string, origin: ProviderOrigin, cityCode: string | null) => {
    const serial = (serials.get(division) ?? 0) + 1;
    serials.set(division, serial);
    const id = random.uuid();
    const name = providerName(random, place);
    const code = creditCode(division, 500_000 + serial);
    const createdAt = officeTime(random, day("2025-06-01"), day("2025-08-20"));
    rows.add("provider", {
      id,
      name,
      creditCode: code,
      capability: random.weighted(CAPABILITIES),
      industry: random.weighted(INDUSTRIES),
      origin,
      createdAt,
      updatedAt: createdAt,
    });
    const number = providers.length + 1;
    const displayName = name.replace(/(股份)?有限公司$/, "");
    const accounts = [
      addAccount(rows, random, input.passwordHash, {
        username: `provider-${number}`,
        displayName,
        role: "PROVIDER_USER",
        scope: { kind: "provider", providerId: id },
        createdAt,
      }),
    ];
    if (random.chance(0.3)) {
      accounts.push(
        addAccount(rows, random, input.passwordHash, {
          username: `provider-${number}-2`,
          displayName: `${displayName}（项目经理）`,
          role: "PROVIDER_USER",
          scope: { kind: "provider", providerId: id },
          createdAt,
        }),
      );
    }
    providers.push({ id, name, creditCode: code, cityCode, accounts });
  };

  for (const city of input.cities) {
    for (let index = 0; index < input.providersPerCity; index++) add(`${city.code}00`, city.name.replace(/市$/, ""), "LOCAL", city.code);
  }
  for (let index = 0; index < input.wideProviders; index++) {
    const home = WIDE_HOMES[index % WIDE_HOMES.length]!;
    add(home.division, home.place, home.origin, null);
  }
  return providers;
}

/** The providers serving a county (its ProviderCounty rows): mostly its city's, a few province-wide. */
export function addServedProviders(rows: RowSet, random: Random, run: ScaleRun, county: ScaleCounty): ProviderRecord[] {
  const [min, max] = run.profile.providersPerCounty;
  const count = random.int(min, max);
  const local = random.sample(run.providersByCity.get(county.city.code) ?? [], Math.ceil(count * 0.6));
  const wide = random.sample(run.wideProviders, count - local.length);
  const served = [...local, ...wide];
  for (const provider of served) {
    rows.add("providerCounty", {
      id: random.uuid(),
      countyId: county.code,
      providerId: provider.id,
      since: officeTime(random, day("2025-08-25"), day("2025-09-15")),
    });
  }
  return served;
}
