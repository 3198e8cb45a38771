// Bulk inserts as one `INSERT … SELECT * FROM unnest($1::type[], …)` statement: one array
// parameter per column instead of one bind parameter per value, so a chunk of thousands of rows
// is one short statement (far below PostgreSQL's 65,535-parameter limit) and skips the client's
// per-row work. Used by the elder import and the demo-data generator.
import type { Db } from "@/lib/db";

/** A column: its name, its PostgreSQL type (for the array cast) and how a row gives its value. */
export type TUnnestColumn<R> = readonly [name: string, pgType: string, value: (row: R) => unknown];

export function unnestInsertSql(table: string, columns: readonly TUnnestColumn<never>[]): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
}

/** Inserts `rows` into `table`; returns the number of rows written. */
export function unnestInsert<R>(client: Db, table: string, columns: readonly TUnnestColumn<R>[], rows: readonly R[]): Promise<number> {
  return client.$executeRawUnsafe(unnestInsertSql(table, columns as readonly TUnnestColumn<never>[]), ...columns.map(([, , value]) => rows.map(value)));
}
