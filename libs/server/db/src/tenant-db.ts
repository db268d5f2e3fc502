import { subject as caslSubject } from "@casl/ability";
import { accessibleBy, createPrismaAbility } from "@casl/prisma";
import type { Principal, Scope } from "@dtpilot/domain";
import { defineRulesFor, type Action, type AppRule, type SubjectName } from "@dtpilot/permissions";
import type { Database } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { attachTransaction } from "./tenant-transaction";
import { withScope, type AccessGrant, type ScopedTransaction } from "./tenant-scope";

type WhereInputs = {
  County: Prisma.CountyWhereInput;
  PilotCounty: Prisma.PilotCountyWhereInput;
  Enterprise: Prisma.EnterpriseWhereInput;
  Provider: Prisma.ProviderWhereInput;
  ProviderCounty: Prisma.ProviderCountyWhereInput;
  Batch: Prisma.BatchWhereInput;
  User: Prisma.UserWhereInput;
  ExportFile: Prisma.ExportFileWhereInput;
  ImplementationPlan: Prisma.ImplementationPlanWhereInput;
  PilotEnterprise: Prisma.PilotEnterpriseWhereInput;
  EnterpriseFileSection: Prisma.EnterpriseFileSectionWhereInput;
  EnterpriseProviderLink: Prisma.EnterpriseProviderLinkWhereInput;
  RosterChangeRequest: Prisma.RosterChangeRequestWhereInput;
  AuditRecord: Prisma.AuditRecordWhereInput;
};
export type ModelName = keyof WhereInputs;

/**
 * A filter that matches no row of each model. Not `{ OR: [] }`: Prisma 6.19 drops an empty OR nested in an AND
 * (`{ AND: [{ code: "x" }, { OR: [] }] }` matches "x"), which would turn "no rule" into "no filter".
 */
const MATCHES_NOTHING: { [M in ModelName]: WhereInputs[M] } = {
  County: { code: { in: [] } },
  PilotCounty: { id: { in: [] } },
  Enterprise: { id: { in: [] } },
  Provider: { id: { in: [] } },
  ProviderCounty: { id: { in: [] } },
  Batch: { id: { in: [] } },
  User: { id: { in: [] } },
  ExportFile: { id: { in: [] } },
  ImplementationPlan: { id: { in: [] } },
  PilotEnterprise: { id: { in: [] } },
  EnterpriseFileSection: { id: { in: [] } },
  EnterpriseProviderLink: { id: { in: [] } },
  RosterChangeRequest: { id: { in: [] } },
  AuditRecord: { id: { in: [] } },
};

/**
 * Filters beyond the CASL rules, by scope: a provider reaches only the pilot enterprises it is linked to, and their
 * files. A link is not a flat CASL condition, so the handle adds it here, once, to every query on those models
 * (row-level security admits linked rows only as well).
 */
function linkedOnly<M extends ModelName>(scope: Scope, model: M): WhereInputs[M] | null {
  if (scope.kind !== "provider") return null;
  const linked = { providerLinks: { some: { providerId: scope.providerId } } };
  if (model === "PilotEnterprise") return linked as WhereInputs[M];
  if (model === "EnterpriseFileSection") return { pilotEnterprise: linked } as WhereInputs[M];
  return null;
}

/** How many principals' rules and abilities a process keeps (least recently used first out). */
export const PRINCIPAL_CACHE_SIZE = 2_000;

const rulesByPrincipal = new Map<string, readonly AppRule[]>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The principal's CASL rules, built once per principal and shared while it stays among the most recent
 * PRINCIPAL_CACHE_SIZE (frozen: every request of the principal reads the same array). The rules are a function of the
 * principal alone — its user, role and scope, fixed in the session at sign-in — so the principal is the key: a change
 * of access ends the session (its grant no longer holds) rather than changing a principal in place.
 */
export function rulesFor(principal: Principal): AppRule[] {
  const key = JSON.stringify([principal.userId, principal.role, principal.scope]);
  let rules = rulesByPrincipal.get(key);
  if (rules) {
    rulesByPrincipal.delete(key);
  } else {
    rules = deepFreeze(defineRulesFor(principal));
    if (rulesByPrincipal.size >= PRINCIPAL_CACHE_SIZE) rulesByPrincipal.delete(rulesByPrincipal.keys().next().value!);
  }
  rulesByPrincipal.set(key, rules);
  return rules as AppRule[];
}

/** A rules array's Prisma ability and the filters already derived from it (frozen, shared by every handle using it). */
interface CompiledRules {
  ability: ReturnType<typeof createPrismaAbility>;
  filters: Map<string, unknown>;
}

const compiledRules = new WeakMap<readonly AppRule[], CompiledRules>();

function compile(rules: readonly AppRule[]): CompiledRules {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    // The rules use flat equalities only, which Prisma's where reads exactly as CASL's Mongo syntax does.
    compiled = { ability: createPrismaAbility(rules as unknown as Parameters<typeof createPrismaAbility>[0]), filters: new Map() };
    // Only a frozen array cannot change under its ability; another one is compiled for its handle alone.
    if (Object.isFrozen(rules)) compiledRules.set(rules, compiled);
  }
  return compiled;
}

/**
 * Data access for one request, as one principal: a transaction already scoped for row-level security, plus the
 * principal's CASL rules turned into Prisma filters. Repositories take the handle and read the scope from it, so a
 * bug in one layer still leaks nothing and no caller passes a scope of its own. The transaction itself stays inside
 * this library (tenant-transaction.ts).
 */
export class TenantDb {
  private readonly compiled: CompiledRules;

  constructor(
    tx: ScopedTransaction,
    /** Who acts: the signed-in principal, or the county team a job runs as. */
    readonly principal: Principal,
    rules: AppRule[] = rulesFor(principal),
  ) {
    attachTransaction(this, tx);
    this.compiled = compile(rules);
  }

  private get ability() {
    return this.compiled.ability;
  }

  get scope(): Scope {
    return this.principal.scope;
  }

  /**
   * The Prisma filter for the rows this principal may act on; matches nothing when no rule allows it. Derived once per
   * rules array and shared (frozen): combine it (`{ AND: [..., filter] }`), never change it.
   */
  accessible<M extends ModelName>(action: Action, model: M): WhereInputs[M] {
    const linkedTo = this.scope.kind === "provider" ? this.scope.providerId : "";
    const key = `${action} ${model} ${linkedTo}`;
    let filter = this.compiled.filters.get(key) as WhereInputs[M] | undefined;
    if (!filter) {
      filter = deepFreeze(this.filterFor(action, model));
      this.compiled.filters.set(key, filter);
    }
    return filter;
  }

  private filterFor<M extends ModelName>(action: Action, model: M): WhereInputs[M] {
    if (!this.ability.can(action, model)) return MATCHES_NOTHING[model];
    const allowed = accessibleBy(this.ability, action).ofType(model as never) as WhereInputs[M];
    const linked = linkedOnly(this.scope, model);
    return linked ? ({ AND: [allowed, linked] } as WhereInputs[M]) : allowed;
  }

  /**
   * The conditions of the rules allowing `action` on `model` (the rules are flat equalities): "all" when one has none,
   * an empty list when no rule allows it. What `accessible` turns into a Prisma filter, for SQL written by hand.
   */
  conditionsFor(action: Action, model: ModelName): "all" | Record<string, string>[] {
    const rules = this.ability.rulesFor(action, model);
    if (rules.some((rule) => rule.inverted)) throw new Error(`a rule forbidding ${action} ${model} cannot be written as SQL`);
    if (rules.some((rule) => !rule.conditions)) return "all";
    return rules.map((rule) => rule.conditions as Record<string, string>);
  }

  /** Whether any rule allows `action` on `subject`, or, given a record's fields, on that record. */
  can(action: Action, subject: SubjectName, fields?: Record<string, unknown>): boolean {
    return fields ? this.ability.can(action, caslSubject(subject, { ...fields })) : this.ability.can(action, subject);
  }
}

/**
 * Runs `work` as `principal`: one transaction scoped for row-level security, read through the principal's CASL
 * rules. The one way requests, routes and jobs reach county data.
 */
export function withTenant<T>(
  db: Database,
  principal: Principal,
  work: (tenant: TenantDb) => Promise<T>,
  rules = rulesFor(principal),
  grant?: AccessGrant,
): Promise<T> {
  return withScope(db, principal.scope, (tx) => work(new TenantDb(tx, principal, rules)), grant);
}
