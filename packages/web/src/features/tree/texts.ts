import type { Texts } from "../../i18n/texts";

/** Texts of the KPI tree page and its what-if panel (`t("tree.…")`). */
export const ja = {
  title: "KPI ツリー",
  formula: "式",
  empty: "このプランにはノードがありません。",
};

export const en: Texts<typeof ja> = {
  title: "KPI tree",
  formula: "Formula",
  empty: "This plan has no nodes.",
};
