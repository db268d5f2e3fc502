/**
 * Export history (ExportFile): roster exports the county asked for, as the worker leaves them — SUCCEEDED with the
 * file's bytes, size and SHA-256 (the export_file_succeeded_has_content check), or FAILED with a reason after its
 * retries. Never QUEUED or RUNNING: the worker's recovery would pick those up. The file is an XLSX of the county's
 * roster in the template's columns, built with fixed timestamps so its bytes are the same on every run.
 */
import { createHash } from "node:crypto";
import { ENTERPRISE_SCALE_LABELS, ROSTER_COLUMNS } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { day, officeTime, officeTimeAfter } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import type { ScaleBatch, ScaleCounty } from "./geography";
import type { Account } from "./identity";
import type { PilotRecord } from "./roster";

const SHEET_NAME = "试点企业名单";
const STATUS_LABELS = { ACTIVE: "在册", REMOVED: "已移出" } as const;

/** The workbook's zip entries all dated `at`, so equal content gives equal bytes. */
async function normalisedZip(bytes: Uint8Array, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    target.file(name, await entry.async("uint8array"), { date: at, createFolders: false });
  }
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function rosterWorkbook(county: ScaleCounty, batch: ScaleBatch, entries: readonly PilotRecord[], title: string, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dtpilot";
  workbook.created = at;
  workbook.modified = at;
  workbook.title = title;
  const sheet = workbook.addWorksheet(SHEET_NAME);
  const headers = [...ROSTER_COLUMNS.map((column) => column.label), "状态"];
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getRow(2).values = headers;
  entries.forEach((pilot, index) => {
    sheet.addRow([
      index + 1,
      pilot.entry.name,
      pilot.entry.creditCode,
      pilot.entry.subIndustry,
      ENTERPRISE_SCALE_LABELS[pilot.entry.scale],
      pilot.entry.specialised ? "是" : "否",
      Number(pilot.entry.lastYearRevenue),
      pilot.entry.contactName ?? null,
      pilot.entry.contactPhone ?? null,
      STATUS_LABELS[pilot.status],
    ]);
  });
  const written = await workbook.xlsx.writeBuffer();
  return normalisedZip(new Uint8Array(written as ArrayBuffer), at);
}

export async function addRosterExports(
  rows: RowSet,
  random: Random,
  input: { county: ScaleCounty; batch: ScaleBatch; pilots: readonly PilotRecord[]; countyTeam: readonly Account[]; approvedAt: Date },
): Promise<void> {
  const { county, batch } = input;
  const title = `${county.name} ${SHEET_NAME}（${batch.name}）`;
  const fileName = (filtered: boolean) => `${title.replace(/\s+/g, "")}${filtered ? "（筛选）" : ""}.xlsx`;
  const active = input.pilots.filter((pilot) => pilot.status === "ACTIVE");
  const requests: { filtered: boolean; fails: boolean }[] = [{ filtered: false, fails: false }];
  if (random.chance(0.4)) requests.push({ filtered: true, fails: false });
  if (random.chance(0.25)) requests.push({ filtered: false, fails: true });

  for (const request of requests) {
    const requestedAt = officeTime(random, officeTimeAfter(random, input.approvedAt, 1, 60), day("2026-10-20"));
    const startedAt = new Date(requestedAt.getTime() + random.int(300, 3_000));
    const finishedAt = new Date(startedAt.getTime() + random.int(150, 1_200));
    const filter = request.filtered ? { scale: "ABOVE" as const } : undefined;
    const base = {
      id: random.uuid(),
      countyId: county.code,
      kind: "ROSTER_XLSX",
      parameters: { batchId: batch.id, batchName: batch.name, ...(filter ? { filter } : {}) },
      fileName: fileName(request.filtered),
      requestedById: random.pick(input.countyTeam).userId,
      createdAt: requestedAt,
      startedAt,
      finishedAt,
      updatedAt: finishedAt,
    };
    if (request.fails) {
      rows.add("exportFile", {
        ...base,
        status: "FAILED",
        progress: random.int(0, 90),
        attempts: 3,
        errorKey: "export.failed.unexpected",
        rowCount: null,
        sizeBytes: null,
        sha256: null,
        content: null,
      });
      continue;
    }
    const entries = filter ? active.filter((pilot) => pilot.entry.scale === filter.scale) : active;
    const content = await rosterWorkbook(county, batch, entries, title, finishedAt);
    rows.add("exportFile", {
      ...base,
      status: "SUCCEEDED",
      progress: 100,
      attempts: 1,
      errorKey: null,
      rowCount: entries.length,
      sizeBytes: content.byteLength,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    });
  }
}
