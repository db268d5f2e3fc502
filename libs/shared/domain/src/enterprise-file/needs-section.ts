/** 二、数字化改造需求: the needs per direction (改造方向), written by the enterprise, its providers and the county. */
import { z } from "zod";
import { COUNTY_EDIT, FILE_WRITERS } from "./file-sections";
import { ID_MAX_CHARS, itemId, itemList } from "./file-schema-parts";
import { FILE_TEXT_MAX_CHARS } from "./file-values";

export const DIRECTIONS = [
  "EQUIPMENT_DATA",
  "INTERCONNECTION",
  "DATA_GOVERNANCE",
  "AI_APPLICATION",
  "NETWORK_DATA_SECURITY",
  "OTHER",
] as const;
/** Direction 改造方向 */
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  EQUIPMENT_DATA: "设备数采",
  INTERCONNECTION: "要素互联互通",
  DATA_GOVERNANCE: "数据治理",
  AI_APPLICATION: "人工智能赋能应用",
  NETWORK_DATA_SECURITY: "网络和数据安全",
  OTHER: "其他",
};

/** Row labels of section 二, under 试点企业面临的各类数字化需求. */
export const DIRECTION_NEED_LABELS: Record<Direction, string> = {
  EQUIPMENT_DATA: "设备数采方面面临的需求（逐条列出）",
  INTERCONNECTION: "要素互联互通面临的需求（逐条列出）",
  DATA_GOVERNANCE: "数据治理面临的需求（逐条列出）",
  AI_APPLICATION: "人工智能赋能应用面临的需求（逐条列出）",
  NETWORK_DATA_SECURITY: "网络和数据安全面临的需求（逐条列出）",
  OTHER: "其他需求（逐条列出）",
};

/** One need, one line of the template (逐条列出). `id` is a client-generated UUID, the key of concurrent merges. */
export const needItemSchema = z.strictObject({
  id: itemId,
  text: z.string().max(FILE_TEXT_MAX_CHARS).default(""),
  /** Who wrote it. */
  author: z.enum(FILE_WRITERS),
  /** The provider that wrote it, when `author` is PROVIDER. */
  providerId: z.string().max(ID_MAX_CHARS).nullable().default(null),
  /**
   * Set when the county (试点县, keeping the whole file up to date) last changed another writer's item. Absent unless
   * set, so an item saved before the mark existed compares equal to itself (also in the database).
   */
  editedBy: z.literal(COUNTY_EDIT).optional(),
});
export type NeedItem = z.output<typeof needItemSchema>;

const needList = itemList(needItemSchema);

/** 二、数字化改造需求: the needs per direction. */
export const needsSectionSchema = z.strictObject({
  EQUIPMENT_DATA: needList,
  INTERCONNECTION: needList,
  DATA_GOVERNANCE: needList,
  AI_APPLICATION: needList,
  NETWORK_DATA_SECURITY: needList,
  OTHER: needList,
});
export type NeedsSection = z.output<typeof needsSectionSchema>;

export function emptyNeedsSection(): NeedsSection {
  return needsSectionSchema.parse({});
}
