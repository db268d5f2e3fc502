/** The rows one chunk of generation produced, per table, waiting to be loaded in LOAD_ORDER. */
import { LOAD_ORDER, type Row, type TableKey } from "./tables";

export class RowSet {
  private readonly rows = new Map<TableKey, unknown[]>();

  add<K extends TableKey>(table: K, row: Row<K>): Row<K> {
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    list.push(row);
    return row;
  }

  of<K extends TableKey>(table: K): readonly Row<K>[] {
    return (this.rows.get(table) ?? []) as Row<K>[];
  }

  /** Non-empty tables in load order. */
  tables(): TableKey[] {
    return LOAD_ORDER.filter((table) => (this.rows.get(table)?.length ?? 0) > 0);
  }

  count(table: TableKey): number {
    return this.rows.get(table)?.length ?? 0;
  }
}
