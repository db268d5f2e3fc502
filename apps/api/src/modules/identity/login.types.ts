import { Role } from "@dtpilot/db";
import type { ScopeKind } from "@dtpilot/domain";
import { z } from "zod";
import { computed } from "../../kernel/output";

export const loginInput = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const loginOutput = z.object({ role: z.enum(Role), scopeKind: computed<ScopeKind>(), mustChangePassword: z.boolean() });
