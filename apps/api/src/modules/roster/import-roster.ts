import { addPilotEnterprises, enrolledCreditCodes } from "@dtpilot/db";
import { ROSTER_COLUMNS, ROSTER_IMPORT_MAX_BYTES, ROSTER_IMPORT_MAX_SIZE_LABEL, validateRosterImport, type RosterImportError } from "@dtpilot/domain";
import { isErrorKey, translateError, type Locale } from "@dtpilot/i18n";
import { readRosterImportInWorker, RosterImportBusyError } from "./read-roster-import-in-worker";
import { XLSX_REFUSAL_KEYS } from "./roster-import-workbook";
import { checkXlsxDirectory } from "../documents/xlsx-gate";
import { appError, forbidden } from "../../kernel/errors";
import { enrolmentRefused } from "./enrolment-refusal";
import { rosterContext } from "./roster-context";
import { countyScope } from "../../kernel/county-procedure";
import { can } from "../../kernel/permission";
import { publicProcedure } from "../../kernel/trpc";
import { importRosterInput, importRosterOutput } from "./roster.types";

function localise(locale: Locale, error: RosterImportError) {
  const column = ROSTER_COLUMNS.find((candidate) => candidate.key === error.column);
  return {
    rowNumber: error.rowNumber,
    column: error.column,
    columnLabel: column?.label ?? null,
    message: isErrorKey(error.key) ? translateError(locale, error.key, error.params) : error.key,
  };
}

/** Counties whose upload is being read now: one at a time each, so no county can fill the line for the others. */
const countiesReading = new Set<string>();

/**
 * The upload is read before the request's transaction opens, so a slow file holds no database connection: in a
 * worker thread, within the XLSX gate's and the worker's bounds. Only a county's principal gets that far; a county
 * with an upload still being read, or a full line of uploads, is answered 429 at once.
 */
const readUploadFirst = publicProcedure.input(importRosterInput).use(async ({ ctx, input, next }) => {
  if (!ctx.principal) throw appError("UNAUTHORIZED", "auth.required");
  if (ctx.principal.scope.kind !== "county") throw forbidden();
  const file = Buffer.from(input.file, "base64");
  if (file.length > ROSTER_IMPORT_MAX_BYTES) {
    throw appError("PAYLOAD_TOO_LARGE", "roster.import.tooLarge", { params: { maximum: ROSTER_IMPORT_MAX_SIZE_LABEL }, field: "file" });
  }
  const directory = checkXlsxDirectory(file);
  if (!directory.ok) throw appError("BAD_REQUEST", XLSX_REFUSAL_KEYS[directory.refusal], { field: "file" });
  const countyId = ctx.principal.scope.countyId;
  if (countiesReading.has(countyId)) throw appError("TOO_MANY_REQUESTS", "roster.import.busy", { field: "file" });
  countiesReading.add(countyId);
  let read: Awaited<ReturnType<typeof readRosterImportInWorker>>;
  try {
    read = await readRosterImportInWorker(file);
  } catch (error) {
    if (error instanceof RosterImportBusyError) throw appError("TOO_MANY_REQUESTS", "roster.import.busy", { field: "file" });
    throw error;
  } finally {
    countiesReading.delete(countyId);
  }
  if ("error" in read) throw appError("BAD_REQUEST", read.error, { field: "file" });
  return next({ ctx: { rows: read.rows } });
});

/**
 * The county imports its roster from the template (XLSX, base64). Every row is checked first; with any error nothing
 * is imported and the errors (the first ROSTER_IMPORT_MAX_ERRORS, with their total) come back with their row and
 * column. A clean file is enrolled whole, in the request's one transaction.
 */
export const importRoster = readUploadFirst.concat(countyScope(can("create", "PilotEnterprise")))
  .output(importRosterOutput)
  .mutation(async ({ ctx }) => {
    const context = await rosterContext(ctx.data, undefined, { forWrite: true });
    if (context.frozen) throw appError("CONFLICT", "roster.frozen");

    const { entries, errors, errorCount } = validateRosterImport(ctx.rows, {
      subIndustries: context.subIndustries,
      enrolledCreditCodes: await enrolledCreditCodes(ctx.data, context.where),
    });
    ctx.audit.details({ rows: ctx.rows.length, errors: errorCount });
    if (errorCount > 0) return { imported: 0, errors: errors.map((error) => localise(ctx.locale, error)), errorCount };

    const added = await addPilotEnterprises(ctx.data, { ...context.where, entries, addedById: ctx.principal.userId });
    // Registered in another county (the file itself was clean): the transaction rolls back, nothing is kept.
    if (!added.ok) throw enrolmentRefused(added.reason, added.creditCode, "file");
    ctx.audit.details({ imported: entries.length });
    return { imported: entries.length, errors: [] as ReturnType<typeof localise>[], errorCount: 0 };
  });
