/** Enterprise files 改造信息表 for the API's tests: a complete one, and parts of one, in the sections' stored shape. */
import { emptyEnterpriseFile, FILE_SECTION_SCHEMAS, type EnterpriseFile, type FileSectionKey } from "@dtpilot/domain";
import { randomUUID } from "node:crypto";

/** Every requirement of every section filled (the domain's fileCompleteness calls it complete). */
export function completeEnterpriseFile(names: { enterpriseName: string; creditCode: string; cityAndCounty: string }): EnterpriseFile {
  const empty = emptyEnterpriseFile();
  return {
    basic: {
      ...empty.basic,
      ...names,
      registeredAddress: "某某街道某某路1号",
      contactPerson: "张三",
      contactInfo: "13800000000",
      profile: "主营精密零部件加工。",
      nature: "PRIVATE",
      size: "SMALL",
      scale: "ABOVE",
      qualityStatus: "SPECIALISED",
      subIndustry: "汽车零部件及配件制造",
      lastYearRevenue: "12345.6789",
      lastYearProfit: "-20.5",
      lastYearRevenuePerEmployee: "85.2",
      digitalInvestmentTotal: "300",
    },
    needs: { ...empty.needs, EQUIPMENT_DATA: [{ id: randomUUID(), text: "数控机床联网与数据采集", author: "ENTERPRISE", providerId: null }] },
    results: {
      ...empty.results,
      transformationItems: [{ id: randomUUID(), text: "部署MES系统，实现生产过程数据采集" }],
      cloud: { usage: "HYBRID", detail: "ERP上公有云，MES本地部署" },
      period: { start: "2025-09-01", end: "2026-09-01" },
      totalCost: "120.5",
      digitalLevel: { before: "L1", after: "L2" },
      indicators: {
        ...empty.results.indicators,
        EQUIPMENT_DATA: [{ id: randomUUID(), kpi: "EQUIPMENT_NETWORKING_RATE", unit: null, before: "35", after: "80" }],
      },
      providerEvaluations: [{ id: randomUUID(), providerId: null, providerName: "某某科技", product: "轻量化MES", rating: 5, comment: "响应及时" }],
    },
    evaluation: { ...empty.evaluation, evaluationConducted: false },
  };
}

/** A section's content as a save stores it: the schema's output. */
export function storedSection<S extends FileSectionKey>(key: S, content: EnterpriseFile[S]): EnterpriseFile[S] {
  return FILE_SECTION_SCHEMAS[key].parse(content) as EnterpriseFile[S];
}
