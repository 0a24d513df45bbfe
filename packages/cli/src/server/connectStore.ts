import type { Store } from "@shihyo/store";
import type { CommandInput } from "../main.js";

/** Where the data lives: --db, else SHIHYO_DATABASE_URL, else the embedded default ./.shihyo. */
export function databaseOf(input: CommandInput): string {
  const flag = input.options.db as string | undefined;
  return flag ?? input.env.variables.SHIHYO_DATABASE_URL ?? "./.shihyo";
}

/** Opens the store, showing migration progress on stderr. */
export async function connectStore(input: CommandInput): Promise<Store> {
  const { openStore } = await import("@shihyo/store");
  return openStore({ url: databaseOf(input), onProgress: (message) => input.output.err(message) });
}
