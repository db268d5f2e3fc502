/** The zod pieces the sections' schemas are built from; not part of the domain's public surface. */
import { z } from "zod";
import { FILE_LIST_MAX_ITEMS, FILE_NAME_MAX_CHARS, FILE_TEXT_MAX_CHARS } from "./file-values";

const DECIMAL_GUARD_CHARS = 40;
export const ID_MAX_CHARS = 64;
export const UNIT_MAX_CHARS = 20;
const DATE_GUARD_CHARS = 32;

export const nullableName = z.string().max(FILE_NAME_MAX_CHARS).nullable().default(null);
export const nullableText = z.string().max(FILE_TEXT_MAX_CHARS).nullable().default(null);
export const nullableDecimal = z.string().max(DECIMAL_GUARD_CHARS).nullable().default(null);
export const nullableDate = z.string().max(DATE_GUARD_CHARS).nullable().default(null);
export const nullableBoolean = z.boolean().nullable().default(null);
export const itemId = z.uuid();

/** A list of items with unique ids (the merge key), at most FILE_LIST_MAX_ITEMS. */
export function itemList<T extends z.ZodType<{ id: string }>>(item: T) {
  return z
    .array(item)
    .max(FILE_LIST_MAX_ITEMS)
    .refine((items) => new Set(items.map((entry) => entry.id)).size === items.length, {
      message: "file.item.duplicateId",
    })
    .default([]);
}
