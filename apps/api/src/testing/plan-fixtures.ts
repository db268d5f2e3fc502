import { emptyPlanContent, richTextFromPlain, type ImplementationPlanContent, type PlanSubIndustry } from "@dtpilot/domain";
import pg from "pg";
import { inject } from "vitest";

/**
 * A complete plan for a 苏南 county: one cluster, one sub-industry, 拟改造企业合计 B = 120 (above the minimum of
 * 100), every target within its base. `overrides` changes the sub-industry's targets.
 */
export function completePlanContent(countyName: string, overrides: Partial<PlanSubIndustry["targets"]> = {}): ImplementationPlanContent {
  const content = emptyPlanContent(countyName, "无锡市工业和信息化局");
  content.cover.contact = "张工 0510-86000000";
  content.sections.foundation = richTextFromPlain("县域中小企业基础雄厚。\n特色产业集群：高端装备。");
  content.sections.goals = richTextFromPlain("改造规上工业中小企业80家。");
  content.sections.implementation = richTextFromPlain("分三个阶段推进。");
  content.sections.safeguards = richTextFromPlain("政策保障、资金保障。");
  content.sections.otherMaterials = richTextFromPlain("试点中小企业名单见附件。");
  content.dataTable.chainTransformationMode = "支持链主企业带动上下游协同改造。";
  content.dataTable.distinctivePractices = "“智改数转网联”诊断全覆盖。";
  content.dataTable.clusters = [
    {
      name: "高端装备",
      subIndustries: [
        {
          name: "精密机械零部件",
          industrialChain1650: "高端装备集群—轨道交通装备产业链",
          base: { industrialOutputValue: "356.25", smeTotal: 300, aboveScaleSmeTotal: 120, specialisedSmeTotal: 8 },
          targets: {
            plannedAboveScale: 80,
            plannedBelowScale: 40,
            plannedSpecialised: 3,
            plannedCloud: 60,
            plannedInitialLevel: 90,
            plannedBenchmarks: 6,
            plannedSolutions: 10,
            plannedProviderPool: 12,
            plannedReplication: 200,
            plannedPromotionCentres: 1,
            plannedAboveScaleStandardLevel: 30,
            plannedBelowScaleInitialLevel: 20,
            plannedChainModes: 2,
            ...overrides,
          },
        },
      ],
    },
  ];
  return content;
}

/** Removes every plan (and its history) of the given counties, as the owner: tests start from no plan. */
export function deletePlansOf(countyIds: readonly string[]): Promise<void> {
  return asOwner(async (owner) => {
    await owner.query(`delete from "PlanComment" where "countyId" = any($1)`, [countyIds]);
    await owner.query(`delete from "WorkflowEvent" where "subjectKind" = 'IMPLEMENTATION_PLAN' and "countyId" = any($1)`, [countyIds]);
    for (const table of ["PlanVersion", "ImplementationPlan"]) {
      await owner.query(`delete from "${table}" where "countyId" = any($1)`, [countyIds]);
    }
  });
}

/** Removes enterprises (and their roster entries) a test enrolled, by credit code, as the owner. */
export function deleteEnterprisesByCreditCode(creditCodes: readonly string[]): Promise<void> {
  return asOwner(async (owner) => {
    const enterprises = `select id from "Enterprise" where "creditCode" = any($1)`;
    await owner.query(`delete from "EnterpriseFileSection" where "enterpriseId" in (${enterprises})`, [creditCodes]);
    await owner.query(`delete from "EnterpriseProviderLink" where "pilotEnterpriseId" in (select id from "PilotEnterprise" where "enterpriseId" in (${enterprises}))`, [creditCodes]);
    await owner.query(`delete from "PilotEnterprise" where "enterpriseId" in (${enterprises})`, [creditCodes]);
    await owner.query(`delete from "Enterprise" where "creditCode" = any($1)`, [creditCodes]);
  });
}

async function asOwner<T>(work: (owner: pg.Client) => Promise<T>): Promise<T> {
  const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}
