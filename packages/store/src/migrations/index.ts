import type { Migration } from "kysely";
import * as initial from "./2026_11_23_0001_initial.js";
import * as importDataVersion from "./2026_11_24_0001_import_data_version.js";
import * as auditFilters from "./2026_11_24_0002_audit_filters.js";
import * as measurementSegments from "./2026_11_24_0003_measurement_segments.js";

/**
 * Every migration, by name; names sort in the order they run. Add new ones at the end and
 * never change one that has been released.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026_11_23_0001_initial": initial,
  "2026_11_24_0001_import_data_version": importDataVersion,
  "2026_11_24_0002_audit_filters": auditFilters,
  "2026_11_24_0003_measurement_segments": measurementSegments,
};
