/**
 * GMAT output formats: exact writers and parsers for ReportFile text, CCSDS-OEM and
 * STK-TimePosVel ephemerides, a parser for ContactLocator reports, plus the C number formatting
 * they rest on.
 *
 * @module
 */

export { formatE, formatG } from "./number_format.ts";
export type { FormatEFlags, FormatGOptions } from "./number_format.ts";

export { detectLineEnding, splitLines } from "./line_ending.ts";
export type { LineEnding } from "./line_ending.ts";

export { OutputParseError } from "./output_parse_error.ts";

export { renderReportFile, ReportFileWriter } from "./report_file_writer.ts";
export type { ReportCell, ReportFileOptions } from "./report_file_writer.ts";
export { parseReportFile } from "./report_file_parser.ts";
export type {
  EpochFormat,
  ParseReportFileOptions,
  ReportColumnType,
  ReportFileTable,
  TimeScale,
} from "./report_file_parser.ts";

export { formatOemRecord, writeOem } from "./oem_writer.ts";
export type { OemDocument, OemWriteOptions } from "./oem_writer.ts";
export { parseOem } from "./oem_parser.ts";
export type { OemFile, OemHeader, OemMetadata, OemRecord, OemSegment } from "./oem_types.ts";

export { formatStkRecord, writeStk } from "./stk_writer.ts";
export type { StkDocument, StkWriteOptions } from "./stk_writer.ts";
export { parseStk } from "./stk_parser.ts";
export type { StkDistanceUnit, StkFile, StkRecord } from "./stk_types.ts";

export { parseContactReport } from "./contact_parser.ts";
export { CONTACT_TIME_FORMS, contactEpochNs } from "./contact_time.ts";
export { CONTACT_COLUMNS } from "./contact_types.ts";
export type {
  ContactColumn,
  ContactNumberColumn,
  ContactReport,
  ContactReportFormat,
  ContactRow,
  ContactTimeColumn,
  ContactTimeFormat,
} from "./contact_types.ts";

export type { RunOutput, RunOutputFormat, RunOutputKind } from "./run_output.ts";
