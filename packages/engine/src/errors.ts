import type { Lang } from "./i18n/lang.js";
import type { Catalogue } from "./i18n/messages.js";

/**
 * Where an error was found. Offsets are 0-based characters into the text that was parsed
 * (a formula, a period id); line and column are 1-based positions in a file.
 */
export interface ErrorLocation {
  file?: string;
  path?: string;
  line?: number;
  column?: number;
  offset?: number;
  length?: number;
}

/**
 * The one error type the engine throws. It carries a stable code, the parameters of its
 * message and where it happened; `text(lang)` renders it in the user's language.
 */
export class ShihyoError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly location: ErrorLocation;
  private readonly render: (lang: Lang) => string;

  constructor(options: {
    code: string;
    params?: Record<string, unknown>;
    location?: ErrorLocation;
    render: (lang: Lang) => string;
  }) {
    super(options.render("en"));
    this.name = "ShihyoError";
    this.code = options.code;
    this.params = options.params ?? {};
    this.location = options.location ?? {};
    this.render = options.render;
  }

  /** The message in the given language. */
  text(lang: Lang): string {
    return this.render(lang);
  }
}

/** Builds a ShihyoError from a catalogue entry, so the code is the message key. */
export function raise<C extends Catalogue, K extends keyof C & string>(
  messages: { en: C; ja: C },
  code: K,
  params: Parameters<C[K]>[0],
  location: ErrorLocation = {},
): ShihyoError {
  return new ShihyoError({
    code,
    params: (params ?? {}) as Record<string, unknown>,
    location,
    render: (lang) => messages[lang][code]!(params),
  });
}
