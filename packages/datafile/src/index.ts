/*
 * Data files of actuals (CSV or XLSX, long or wide) turned into checked measurements of a
 * plan, all or nothing. Used by the CLI and the server; the package's whole public surface.
 */
export type { DataRowError } from "./dataRowError.js";
export { decodeText, type TextEncodingName } from "./decodeText.js";
export { formatDataErrors } from "./formatDataErrors.js";
export type { DataShape } from "./measurementCollector.js";
export { dataFileMessages } from "./messages.js";
export { parseNumberCell } from "./parseNumberCell.js";
export {
  type DataFileInput,
  type DataFileResult,
  DEFAULT_MAX_ERRORS,
  type ReadDataFileOptions,
  readDataFile,
} from "./readDataFile.js";
