/** The run's report as printed: counts, times, size, checksums, the tenancy checks and the demo accounts. */
import type { ScaleResult } from "./generate";
import type { ScaleOptions } from "./options";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function formatReport(options: ScaleOptions, result: ScaleResult, password: string): string {
  const lines: string[] = [];
  const width = Math.max(...Object.keys(result.rows).map((table) => table.length));
  lines.push(`Dataset ${options.scale} (seed "${options.seed}") in database "${result.database.name}": ${result.counties} counties`);
  lines.push("");
  lines.push("Rows");
  for (const [table, count] of Object.entries(result.rows)) lines.push(`  ${table.padEnd(width)}  ${count.toLocaleString("en-US").padStart(10)}`);
  const total = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
  lines.push(`  ${"total".padEnd(width)}  ${total.toLocaleString("en-US").padStart(10)}`);
  lines.push("");
  lines.push(`Files checked by the domain: ${result.validatedFiles.toLocaleString("en-US")} entries' files`);
  lines.push(
    `Time: ${seconds(result.totalMs)} in all — database ${seconds(result.prepareMs)}, generation ${seconds(result.generateMs)} and ` +
      `load (COPY + ANALYZE) ${seconds(result.loadMs)} (overlapping), checks ${seconds(result.checkMs)}`,
  );
  lines.push(`Size: ${megabytes(result.sizeBytes)} (pg_database_size)`);
  if (result.checksum) lines.push(`Checksum (all tables, passwordHash excluded): ${result.checksum}`);
  if (result.tenancy) {
    const failed = result.tenancy.filter((check) => !check.ok);
    lines.push(`Row-level security as the app role: ${result.tenancy.length - failed.length}/${result.tenancy.length} checks passed`);
    for (const check of failed) lines.push(`  FAILED ${check.check}: ${check.detail}`);
  }
  lines.push("");
  lines.push(`Accounts (password ${password}):`);
  for (const account of result.accounts) lines.push(`  ${account.role.padEnd(16)} ${account.username.padEnd(22)} ${account.scope}`);
  return lines.join("\n");
}
