import { describe, expect, it } from "vitest";
import { z } from "zod";
import { en, localiseInputIssue, negotiateLocale, translateError, workflowStateLabel, workflowSubjectLabel, zhCN } from "./index";

describe("messages", () => {
  it("has the same keys in every locale", () => {
    expect(Object.keys(en.errors).sort()).toEqual(Object.keys(zhCN.errors).sort());
    expect(Object.keys(en.fields).sort()).toEqual(Object.keys(zhCN.fields).sort());
  });

  it("prefers Chinese unless the browser asks for English first", () => {
    expect(negotiateLocale(undefined)).toBe("zh-CN");
    expect(negotiateLocale("en-GB,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("fr-FR")).toBe("zh-CN");
  });

  it("fills parameters into messages", () => {
    expect(translateError("zh-CN", "auth.locked", { minutes: 15 })).toContain("15 分钟");
  });
});

describe("input issues", () => {
  const schema = z.object({ username: z.string().min(1), password: z.string().min(8), countyId: z.string() }).strict();
  const issuesOf = (input: unknown) => schema.safeParse(input).error?.issues ?? [];

  it("names the offending field in Chinese and in English", () => {
    const [issue] = issuesOf({ username: "", password: "longenough", countyId: "320281" });
    expect(localiseInputIssue("zh-CN", issue!)).toEqual({ field: "username", message: "用户名：不能为空" });
    expect(localiseInputIssue("en", issue!)).toEqual({ field: "username", message: "Username: is required" });
  });

  it("explains missing fields, wrong types, short strings and unknown keys", () => {
    const messages = issuesOf({ password: "short", countyId: 5, extra: 1 }).map((issue) => localiseInputIssue("zh-CN", issue));
    expect(messages).toContainEqual({ field: "username", message: "用户名：不能为空" });
    expect(messages).toContainEqual({ field: "password", message: "密码：长度不能少于 8 个字符" });
    expect(messages).toContainEqual({ field: "countyId", message: "县（市、区）：格式不正确" });
    expect(messages.some((m) => m.message.includes("extra"))).toBe(true);
  });

  it("names a field as its procedure does where the usual label would mislead", () => {
    const [issue] = z.object({ status: z.enum(["QUEUED"]) }).safeParse({ status: "DONE" }).error!.issues;
    expect(localiseInputIssue("zh-CN", issue!).message).toBe("名单状态：取值不在允许范围内");
    expect(localiseInputIssue("zh-CN", issue!, "documents.listExports").message).toBe("导出状态：取值不在允许范围内");
    expect(localiseInputIssue("en", issue!, "documents.listExports").message).toBe("Export status: is not one of the allowed values");
    expect(localiseInputIssue("zh-CN", issue!, "roster.listRosterChanges").message).toBe("备案状态：取值不在允许范围内");
    // A procedure without names of its own keeps the usual ones.
    expect(localiseInputIssue("zh-CN", issue!, "roster.requestRosterExport").message).toBe("名单状态：取值不在允许范围内");
  });

  it("has the same procedure-specific field names in every locale", () => {
    expect(Object.keys(en.procedureFields).sort()).toEqual(Object.keys(zhCN.procedureFields).sort());
    for (const [procedure, fields] of Object.entries(zhCN.procedureFields)) {
      expect(Object.keys(en.procedureFields[procedure as keyof typeof en.procedureFields]).sort(), procedure).toEqual(Object.keys(fields).sort());
    }
  });

  it("uses our own message key from a refinement", () => {
    const credit = z.object({ creditCode: z.string().refine(() => false, { message: "creditCode.invalid" }) });
    const [issue] = credit.safeParse({ creditCode: "x" }).error!.issues;
    expect(localiseInputIssue("zh-CN", issue!).message).toBe("企业信用代码：不是有效的统一社会信用代码");
  });
});

describe("workflow labels", () => {
  it("names every workflow's subject and states in every locale", () => {
    expect(Object.keys(en.workflows).sort()).toEqual(Object.keys(zhCN.workflows).sort());
    for (const [kind, labels] of Object.entries(zhCN.workflows)) {
      expect(Object.keys(en.workflows[kind as keyof typeof en.workflows].states).sort(), kind).toEqual(Object.keys(labels.states).sort());
    }
  });

  it("says a refused step's state in the reader's language", () => {
    const params = (locale: "zh-CN" | "en") => ({
      subject: workflowSubjectLabel(locale, "IMPLEMENTATION_PLAN"),
      state: workflowStateLabel(locale, "IMPLEMENTATION_PLAN", "SUBMITTED"),
    });
    expect(translateError("zh-CN", "workflow.wrongState", params("zh-CN"))).toBe("实施方案当前状态为“已提交设区市”，不能执行该操作");
    expect(translateError("en", "workflow.wrongState", params("en"))).toBe("The plan is “Submitted to the city”; this action is not possible now");
  });

  it("falls back to the names themselves for a workflow the catalogue does not know", () => {
    expect(workflowStateLabel("en", "TASK_BOOK", "SIGNED")).toBe("SIGNED");
    expect(workflowSubjectLabel("zh-CN", "TASK_BOOK")).toBe("TASK_BOOK");
  });
});
