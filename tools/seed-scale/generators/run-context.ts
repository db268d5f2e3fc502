/** What every county's generation shares: the options, the batch, the overseers' accounts and the provider pool. */
import type { ScaleOptions, ScaleProfile } from "../options";
import { Random } from "../random";
import type { ScaleBatch, ScaleCity, ScaleCounty } from "./geography";
import type { Account } from "./identity";
import type { ProviderRecord } from "./providers";

export interface ScaleRun {
  options: ScaleOptions;
  profile: ScaleProfile;
  passwordHash: string;
  batch: ScaleBatch;
  counties: readonly ScaleCounty[];
  cities: readonly ScaleCity[];
  provinceAdmins: readonly Account[];
  cityOfficers: ReadonlyMap<string, readonly Account[]>;
  reviewers: readonly { account: Account; countyIds: readonly string[] }[];
  providers: readonly ProviderRecord[];
  /** Each city's own providers; the wide ones serve anywhere. */
  providersByCity: ReadonlyMap<string, readonly ProviderRecord[]>;
  wideProviders: readonly ProviderRecord[];
}

/** A stream of the run's randomness for one generator (and one county): see random.ts. */
export function streamOf(run: Pick<ScaleRun, "options">, generator: string, key = ""): Random {
  return Random.derive(run.options.seed, generator, key);
}
