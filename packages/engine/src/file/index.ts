export { formatKpiFileError, type KpiFileError } from "./kpiFileError.js";
export { kpiFileJsonSchema, kpiFileSchema } from "./kpiFileSchema.js";
export { fileMessages } from "./messages.js";
export { type ParseKpiFileOptions, type ParseKpiFileResult, parseKpiFile } from "./parseKpiFile.js";
export type { KpiFileFormat } from "./readYamlSource.js";
export { writeKpiFile, writeKpiFileJson } from "./writeKpiFile.js";
