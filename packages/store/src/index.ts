/**
 * @shihyo/store: the database of Shihyo, embedded (SQLite) or on a server (PostgreSQL),
 * behind one contract. This file is the package's whole public surface.
 */
export { DATABASE_FILE, DEFAULT_DIRECTORY, type OpenStoreOptions, openStore } from "./openStore.js";
export * from "./storeApi.js";
export {
  INVALID_ROWS_LISTED,
  type InvalidReason,
  type InvalidRow,
  type InvalidRowReason,
  isStoreError,
  StoreError,
  type StoreErrorKind,
  type StoreErrorParams,
} from "./storeError.js";
