/**
 * Grouping the ok rows of a stitched table by `time` or by `run_id`, keys in ascending order.
 *
 * @module
 */

import type * as arrow from "npm:apache-arrow@21.2.0";
import { readRunIds, readStatus, readTimes } from "./_read.ts";

/** Groups of row indices, one per key, keys ascending. */
export interface RowGroups<K> {
  /** The keys, ascending. */
  readonly keys: K[];
  /** The row indices of each key, in table order. */
  readonly rows: number[][];
}

function sortedGroups<K>(map: Map<K, number[]>, compare: (a: K, b: K) => number): RowGroups<K> {
  const keys = [...map.keys()].sort(compare);
  return { keys, rows: keys.map((k) => map.get(k)!) };
}

/**
 * The ok rows with a time, grouped by time (nanoseconds).
 *
 * @param table A stitched table (rows whose `__status` is not `ok`, and marker rows without a
 *   time, are left out).
 * @param what The helper, for messages.
 */
export function groupByTime(table: arrow.Table, what: string): RowGroups<bigint> {
  const { ns, valid } = readTimes(table, what);
  const status = readStatus(table);
  const map = new Map<bigint, number[]>();
  for (let i = 0; i < table.numRows; i++) {
    if (status[i] !== "ok" || valid[i] === 0) continue;
    const rows = map.get(ns[i]);
    if (rows === undefined) map.set(ns[i], [i]);
    else rows.push(i);
  }
  return sortedGroups(map, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The ok rows grouped by run id.
 *
 * @param table A stitched table (rows whose `__status` is not `ok` are left out).
 */
export function groupByRun(table: arrow.Table): RowGroups<number> {
  const ids = readRunIds(table);
  const status = readStatus(table);
  const map = new Map<number, number[]>();
  for (let i = 0; i < table.numRows; i++) {
    if (status[i] !== "ok") continue;
    const rows = map.get(ids[i]);
    if (rows === undefined) map.set(ids[i], [i]);
    else rows.push(i);
  }
  return sortedGroups(map, (a, b) => a - b);
}
