import { addRosterEntries, enrolledCreditCodes } from "@dtpilot/db";
import { ROSTER_COLUMNS, validateRosterImport, type RosterImportError } from "@dtpilot/domain";
import { isErrorKey, translateError, type Locale } from "@dtpilot/i18n";
import { readRosterImport } from "../../exports/roster-import-workbook";
import { appError, forbidden } from "../../errors";
import { enrolmentRefused } from "../../roster/enrolment-refusal";
import { rosterContext } from "../../roster/roster-context";
import { authedProcedure } from "../../trpc";
import { importRosterInput } from "./roster.types";

function localise(locale: Locale, error: RosterImportError) {
  const column = ROSTER_COLUMNS.find((candidate) => candidate.key === error.column);
  return {
    rowNumber: error.rowNumber,
    column: error.column,
    columnLabel: column?.label ?? null,
    message: isErrorKey(error.key) ? translateError(locale, error.key, error.params) : error.key,
  };
}

/**
 * The county imports its roster from the template (XLSX, base64). Every row is checked first; with any error nothing
 * is imported and every error comes back with its row and column. A clean file is enrolled whole, in the request's
 * one transaction.
 */
export const importRoster = authedProcedure.input(importRosterInput).mutation(async ({ ctx, input }) => {
  const scope = ctx.principal.scope;
  if (scope.kind !== "county" || !ctx.data.can("create", "PilotEnterprise", { countyId: scope.countyId })) throw forbidden();
  const context = await rosterContext(ctx.data, ctx.principal, undefined, { forWrite: true });
  if (context.frozen) throw appError("CONFLICT", "roster.frozen");

  const read = await readRosterImport(new Uint8Array(Buffer.from(input.file, "base64")));
  if ("error" in read) throw appError("BAD_REQUEST", read.error, { field: "file" });
  const { entries, errors } = validateRosterImport(read.rows, {
    subIndustries: context.subIndustries,
    enrolledCreditCodes: await enrolledCreditCodes(ctx.data, context.where),
  });
  ctx.audit.details({ rows: read.rows.length, errors: errors.length });
  if (errors.length > 0) return { imported: 0, errors: errors.map((error) => localise(ctx.locale, error)) };

  const added = await addRosterEntries(ctx.data, { ...context.where, entries, addedById: ctx.principal.userId });
  // Registered in another county (the file itself was clean): the transaction rolls back, nothing is kept.
  if (!added.ok) throw enrolmentRefused(added.reason, added.creditCode, "file");
  ctx.audit.details({ imported: entries.length });
  return { imported: entries.length, errors: [] as ReturnType<typeof localise>[] };
});
