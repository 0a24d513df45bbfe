import type { Texts } from "../../i18n/texts";

/** Texts of this part of the app (`t("settings.…")`). */
export const ja = {};

export const en: Texts<typeof ja> = {};
