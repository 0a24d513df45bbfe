import { ShihyoError } from "@shihyo/engine";
import type { Lang } from "./messages.js";

/** The user-facing text of an engine error; null for anything else (a bug). */
export async function describeError(error: unknown, lang: Lang): Promise<string | null> {
  if (error instanceof ShihyoError) return error.text(lang);
  // Store errors (a taken e-mail, a locked directory, …) carry their own ja/en text.
  const { isStoreError } = await import("@shihyo/store");
  if (isStoreError(error)) return error.text(lang);
  return null;
}
