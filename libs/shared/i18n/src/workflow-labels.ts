import { DEFAULT_LOCALE, type Locale, type Messages } from "./messages";
import { en } from "./locales/en";
import { zhCN } from "./locales/zh-CN";

const WORKFLOWS: Record<Locale, Messages["workflows"]> = { "zh-CN": zhCN.workflows, en: en.workflows };

type WorkflowLabels = { subject: string; states: Record<string, string> };

function labelsOf(locale: Locale, subjectKind: string): WorkflowLabels | undefined {
  return (WORKFLOWS[locale] as Record<string, WorkflowLabels>)[subjectKind];
}

/** A workflow's subject in words (实施方案, plan); its kind when the catalogue does not name it. */
export function workflowSubjectLabel(locale: Locale, subjectKind: string): string {
  return labelsOf(locale, subjectKind)?.subject ?? labelsOf(DEFAULT_LOCALE, subjectKind)?.subject ?? subjectKind;
}

/** A workflow state in words (已提交设区市, Submitted to the city); the state itself when the catalogue has none. */
export function workflowStateLabel(locale: Locale, subjectKind: string, state: string): string {
  return labelsOf(locale, subjectKind)?.states[state] ?? labelsOf(DEFAULT_LOCALE, subjectKind)?.states[state] ?? state;
}
