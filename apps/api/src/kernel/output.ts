import { z } from "zod";

/**
 * A value the domain computes or has already read through its own schema (totals, errors, completeness, stored
 * content), declared by its domain type and passed on as it is. Rows from the database are declared field by field
 * instead, so a new column never reaches a response unannounced.
 */
export function computed<T>() {
  return z.custom<T>(() => true);
}
