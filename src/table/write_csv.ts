/**
 * A table written as CSV (RFC 4180, by csv-stringify): a header line of column names, then one
 * line per row with {@link tableRecords}' values (run_id a number, timestamps exact ISO text,
 * nulls empty). Written a record batch at a time, so memory holds one batch's text.
 *
 * @module
 */

import { Table } from "npm:apache-arrow@21.2.0";
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { tableRecords } from "./records.ts";

/**
 * Writes a table to a CSV file (created or truncated).
 *
 * @param table The table.
 * @param path The file to write.
 */
export async function writeCsv(table: Table, path: string): Promise<void> {
  const columns = table.schema.fields.map((f) => f.name);
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    const encoder = new TextEncoder();
    const writeAll = async (text: string) => {
      const bytes = encoder.encode(text);
      let done = 0;
      while (done < bytes.length) done += await file.write(bytes.subarray(done));
    };
    await writeAll(stringify([columns]));
    for (const batch of table.batches) {
      const rows = tableRecords(new Table(batch));
      await writeAll(stringify(rows.map((r) => columns.map((c) => r[c]))));
    }
  } finally {
    file.close();
  }
}
