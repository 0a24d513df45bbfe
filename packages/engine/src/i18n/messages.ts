import type { Lang } from "./lang.js";

/** A message: a function from named parameters to a sentence. Never concatenate sentences. */
export type MessageFn<P> = (params: P) => string;

/**
 * A module's catalogue: the same keys in Japanese and English. Each module keeps its own
 * (`period/messages.ts`, `formula/messages.ts`, ...) so texts live beside the code that
 * raises them; the type makes a key missing in one language a compile error.
 */
// biome-ignore lint/suspicious/noExplicitAny: parameter types vary per message
export type Catalogue = Record<string, MessageFn<any>>;

export function defineMessages<C extends Catalogue>(catalogues: { en: C; ja: { [K in keyof C]: C[K] } }) {
  return catalogues;
}

export type Messages<C extends Catalogue> = { en: C; ja: C };

export function pick<C extends Catalogue>(messages: Messages<C>, lang: Lang): C {
  return messages[lang];
}

/** Formats a number for a message: grouping, no needless decimals. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 6 }).format(value);
}
