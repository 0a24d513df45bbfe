import type { Texts } from "../../i18n/texts";

/** Texts of this part of the app (`t("detail.…")`). */
export const ja = {};

export const en: Texts<typeof ja> = {};
