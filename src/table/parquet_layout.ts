/**
 * How the table layer lays Parquet files out: one layout for the small per-run files, one for
 * stitched tables.
 *
 * @module
 */

/** Physical layout of a Parquet file, as handed to the writer. */
export interface ParquetLayout {
  /** Page compression codec. */
  readonly compression: "uncompressed" | "snappy" | "zstd";
  /** Whether columns may be dictionary-encoded (else PLAIN encoding). */
  readonly dictionary: boolean;
  /** Min/max statistics: none, per column chunk, or per page. */
  readonly statistics: "none" | "chunk" | "page";
  /** Maximum rows per row group. */
  readonly maxRowGroupRows: number;
  /** Target size of a data page in bytes. */
  readonly dataPageBytes: number;
}

/**
 * Layout of the per-run files `report__<name>.parquet` and `ephemeris__<name>.parquet`, chosen for
 * read speed: the stitcher reads each of them exactly once, whole, and per-file decoding is what
 * a stitch spends its time on.
 *
 * - **No compression.** Measured on 1441-row, 7-column files (parquet-wasm 0.8.0, this machine):
 *   uncompressed pages decode in ~70 us per file, LZ4_RAW and Snappy in ~95 us, ZSTD in ~280 us,
 *   while they shrink the files by only 3-9 % (orbit states are full-entropy doubles).
 * - **PLAIN encoding, no dictionary.** Dictionary encoding of float columns adds a decode step
 *   and rarely pays off on distinct floats; BYTE_STREAM_SPLIT measured ~2x slower to decode.
 * - **One row group, one data page per column chunk.** GMAT runs produce thousands to a few
 *   hundred thousand rows; a single row group gives one contiguous Arrow array per column, which
 *   the stitcher copies with one `set` per column.
 * - **No statistics.** The files are always read whole, nothing prunes them by min/max.
 *
 * Columns are written as required (non-null) where they have no nulls, which spares the reader
 * the definition levels (measured ~10 % faster).
 */
export const RUN_FILE_LAYOUT: ParquetLayout = {
  compression: "uncompressed",
  dictionary: false,
  statistics: "none",
  maxRowGroupRows: 2 ** 30,
  dataPageBytes: 2 ** 30,
};

/**
 * Layout of a stitched table written by `stitchToParquet`: a file meant to be kept, shared and
 * queried by other tools (pandas, Polars, DuckDB). Snappy with dictionaries (the `run_id` and
 * `__status` columns shrink to almost nothing), chunk statistics so readers can skip row groups
 * by `run_id` or `time`, and row groups of 128 Ki rows so readers can stream and parallelise.
 */
export const STITCHED_FILE_LAYOUT: ParquetLayout = {
  compression: "snappy",
  dictionary: true,
  statistics: "chunk",
  maxRowGroupRows: 128 * 1024,
  dataPageBytes: 1024 * 1024,
};
