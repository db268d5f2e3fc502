import { makeCreditCode } from "../credit-code";
import type { BasicInfoSection } from "./basic-info-section";
import { emptyEnterpriseFile, type EnterpriseFile } from "./enterprise-file";
import type { EvaluationSection } from "./evaluation-section";
import type { FileWriter } from "./file-sections";
import type { NeedItem } from "./needs-section";
import type { QuantitativeIndicator, ResultsSection } from "./results-section";

/** Files shared by the rules' tests: a complete one, and the items they vary. */

export const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
export const CREDIT_CODE = makeCreditCode("91320281MA1Q2W3E4");

export function fullBasic(): BasicInfoSection {
  return {
    enterpriseName: "江阴某某机械有限公司",
    cityAndCounty: "无锡市江阴市",
    registeredAddress: "江阴市澄江街道某某路1号",
    creditCode: CREDIT_CODE,
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
  };
}

export const need = (n: number, text: string, author: FileWriter = "ENTERPRISE"): NeedItem => ({
  id: uid(n),
  text,
  author,
  providerId: author === "PROVIDER" ? "provider-1" : null,
});

export const indicator = (n: number, fields: Partial<QuantitativeIndicator> = {}): QuantitativeIndicator => ({
  id: uid(n),
  kpi: "EQUIPMENT_NETWORKING_RATE",
  unit: null,
  before: "35",
  after: "80",
  ...fields,
});

export function fullResults(): ResultsSection {
  const results = emptyEnterpriseFile().results;
  return {
    ...results,
    transformationItems: [{ id: uid(10), text: "部署MES系统，实现生产过程数据采集" }],
    cloud: { usage: "HYBRID", detail: "ERP上公有云，MES本地部署" },
    period: { start: "2025-09-01", end: "2026-09-01" },
    totalCost: "120.5",
    digitalLevel: { before: "L1", after: "L2" },
    indicators: { ...results.indicators, EQUIPMENT_DATA: [indicator(11)] },
    providerEvaluations: [
      { id: uid(12), providerId: "provider-1", providerName: "某某科技", product: "轻量化MES", rating: 5, comment: "响应及时" },
    ],
  };
}

export function evaluation(fields: Partial<EvaluationSection>): EvaluationSection {
  return { ...emptyEnterpriseFile().evaluation, ...fields };
}

export function fullFile(): EnterpriseFile {
  const file = emptyEnterpriseFile();
  return {
    basic: fullBasic(),
    needs: { ...file.needs, EQUIPMENT_DATA: [need(1, "老旧设备无数据接口")] },
    results: fullResults(),
    evaluation: evaluation({ evaluationConducted: true, evaluationPassed: true, isSample: false }),
  };
}
