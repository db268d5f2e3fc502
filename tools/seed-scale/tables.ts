/**
 * The tables the generator writes, one spec each: the PostgreSQL name and every column with the kind COPY encodes it
 * as. Each spec is checked against the Prisma model: a column added to the schema fails typechecking here until the
 * generator fills it, and a row must give every column (nullable ones as null) — nothing is left to a default that
 * would differ between runs. `LOAD_ORDER` is the order foreign keys need.
 */
import type {
  Batch,
  City,
  County,
  Enterprise,
  EnterpriseFileSection,
  EnterpriseProviderLink,
  ExportFile,
  ImplementationPlan,
  Membership,
  PilotCounty,
  PilotEnterprise,
  PlanComment,
  PlanVersion,
  Provider,
  ProviderCounty,
  ReviewerAssignment,
  RosterChangeRequest,
  User,
  WorkflowEvent,
} from "@dtpilot/db";

export type ColumnKind = "text" | "int" | "bool" | "timestamp" | "date" | "json" | "decimal" | "bytea";

interface KindValue {
  text: string;
  int: number;
  bool: boolean;
  timestamp: Date;
  date: Date;
  json: unknown;
  decimal: string;
  bytea: Uint8Array;
}

type Columns<Model> = { readonly [K in keyof Model]-?: ColumnKind };

/** A row of a table: each column's value by its kind, null where the model allows it. */
export type RowOf<Model, C extends Columns<Model>> = {
  [K in keyof C & keyof Model]: KindValue[C[K]] | (null extends Model[K] ? null : never);
};

export interface TableSpec<Row> {
  name: string;
  columns: readonly (keyof Row & string)[];
  kinds: Readonly<Record<keyof Row & string, ColumnKind>>;
  /** The database's name of each column whose model field is mapped to another (`@map` in schema.prisma). */
  databaseNames: Readonly<Partial<Record<keyof Row & string, string>>>;
}

function table<Model>() {
  return <const C extends Columns<Model>>(
    name: string,
    kinds: C,
    databaseNames: Partial<Record<keyof C & string, string>> = {},
  ): TableSpec<RowOf<Model, C>> => ({
    name,
    columns: Object.keys(kinds) as (keyof RowOf<Model, C> & string)[],
    kinds: kinds as unknown as Record<keyof RowOf<Model, C> & string, ColumnKind>,
    databaseNames,
  });
}

export const TABLES = {
  city: table<City>()("City", { code: "text", name: "text", region: "text" }),
  county: table<County>()("County", { code: "text", name: "text", kind: "text", cityCode: "text" }),
  batch: table<Batch>()("Batch", { id: "text", name: "text", startsOn: "date", endsOn: "date" }),
  pilotCounty: table<PilotCounty>()("PilotCounty", { id: "text", countyId: "text", batchId: "text", joinedAt: "timestamp" }),
  provider: table<Provider>()("Provider", {
    id: "text",
    name: "text",
    creditCode: "text",
    capability: "text",
    industry: "text",
    origin: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  }),
  providerCounty: table<ProviderCounty>()("ProviderCounty", { id: "text", countyId: "text", providerId: "text", since: "timestamp" }),
  enterprise: table<Enterprise>()("Enterprise", {
    id: "text",
    countyId: "text",
    name: "text",
    creditCode: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  }),
  user: table<User>()("User", {
    id: "text",
    username: "text",
    displayName: "text",
    passwordHash: "text",
    locale: "text",
    disabled: "bool",
    passwordChangedAt: "timestamp",
    accessVersion: "int",
    mustChangePassword: "bool",
    createdAt: "timestamp",
  }),
  membership: table<Membership>()("Membership", {
    id: "text",
    userId: "text",
    role: "text",
    cityCode: "text",
    countyId: "text",
    enterpriseId: "text",
    providerId: "text",
    createdAt: "timestamp",
  }),
  reviewerAssignment: table<ReviewerAssignment>()("ReviewerAssignment", {
    id: "text",
    membershipId: "text",
    countyId: "text",
    batchId: "text",
  }),
  implementationPlan: table<ImplementationPlan>()("ImplementationPlan", {
    id: "text",
    countyId: "text",
    batchId: "text",
    state: "text",
    currentVersion: "int",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  }),
  planVersion: table<PlanVersion>()("PlanVersion", {
    id: "text",
    countyId: "text",
    planId: "text",
    number: "int",
    content: "json",
    revision: "int",
    updatedById: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    submittedAt: "timestamp",
  }),
  pilotEnterprise: table<PilotEnterprise>()("PilotEnterprise", {
    id: "text",
    countyId: "text",
    batchId: "text",
    enterpriseId: "text",
    subIndustry: "text",
    scale: "text",
    specialised: "bool",
    lastYearRevenue: "decimal",
    contactName: "text",
    contactPhone: "text",
    status: "text",
    transformationStartedOn: "date",
    addedById: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    removedAt: "timestamp",
    filePercentage: "int",
    fileComplete: "bool",
    fileCompleteness: "json",
    fileCompletenessVersion: "int",
  }),
  enterpriseProviderLink: table<EnterpriseProviderLink>()("EnterpriseProviderLink", {
    id: "text",
    countyId: "text",
    pilotEnterpriseId: "text",
    providerId: "text",
    linkedById: "text",
    createdAt: "timestamp",
  }),
  enterpriseFileSection: table<EnterpriseFileSection>()("EnterpriseFileSection", {
    id: "text",
    countyId: "text",
    pilotEnterpriseId: "text",
    enterpriseId: "text",
    section: "text",
    content: "json",
    revision: "int",
    updatedById: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  }),
  rosterChangeRequest: table<RosterChangeRequest>()("RosterChangeRequest", {
    id: "text",
    countyId: "text",
    batchId: "text",
    kind: "text",
    reason: "text",
    addition: "json",
    removedPilotEnterpriseId: "text",
    status: "text",
    requestedById: "text",
    createdAt: "timestamp",
  }, { removedPilotEnterpriseId: "removedPilotId" }),
  workflowEvent: table<WorkflowEvent>()("WorkflowEvent", {
    id: "text",
    countyId: "text",
    subjectKind: "text",
    subjectId: "text",
    event: "text",
    fromState: "text",
    toState: "text",
    actorId: "text",
    actorRole: "text",
    comment: "text",
    version: "int",
    createdAt: "timestamp",
  }),
  planComment: table<PlanComment>()("PlanComment", {
    id: "text",
    countyId: "text",
    planId: "text",
    eventId: "text",
    versionNumber: "int",
    target: "text",
    body: "text",
    position: "int",
    authorId: "text",
    createdAt: "timestamp",
  }),
  exportFile: table<ExportFile>()("ExportFile", {
    id: "text",
    countyId: "text",
    kind: "text",
    status: "text",
    progress: "int",
    parameters: "json",
    fileName: "text",
    requestedById: "text",
    attempts: "int",
    errorKey: "text",
    rowCount: "int",
    sizeBytes: "int",
    sha256: "text",
    content: "bytea",
    createdAt: "timestamp",
    startedAt: "timestamp",
    finishedAt: "timestamp",
    updatedAt: "timestamp",
  }),
} as const;

export type TableKey = keyof typeof TABLES;
export type Row<K extends TableKey> = (typeof TABLES)[K] extends TableSpec<infer R> ? R : never;

/** Parents before children: every foreign key (and the workflow events' subject trigger) finds its row. */
export const LOAD_ORDER: readonly TableKey[] = [
  "city",
  "county",
  "batch",
  "pilotCounty",
  "provider",
  "providerCounty",
  "enterprise",
  "user",
  "membership",
  "reviewerAssignment",
  "implementationPlan",
  "planVersion",
  "pilotEnterprise",
  "enterpriseProviderLink",
  "enterpriseFileSection",
  "rosterChangeRequest",
  "workflowEvent",
  "planComment",
  "exportFile",
];
