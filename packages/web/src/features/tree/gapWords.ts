import { formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import type { ConsistencyRow } from "./gapsByNode";
import { signedValue } from "./signedValue";

/** What a node's card says where its targets do not add up: the text keys and their values. */
export interface GapWords {
  /**
   * The headline, which always carries the amount: the inputs' targets fall short of the
   * node's own target (gap = target − implied > 0), go over it, or (no gap known) just differ.
   */
  headline: "tree.gapShort" | "tree.gapOver" | "tree.gap";
  /** |gap|, short (万/億, K/M/B), for the headline. */
  amount: string;
  /** What the inputs' targets give, short, for the card's second line. */
  implied: string;
  /** The numbers in full, for the sentence screen readers and the tooltip get. */
  target: string;
  impliedExact: string;
  gap: string;
  ratio: string;
}

/** A consistency row (SEMANTICS §5) in the node's unit and the user's language. */
export function gapWords(row: ConsistencyRow, unit: string | undefined, lang: Lang): GapWords {
  const { gap } = row;
  return {
    headline: gap === null || gap === 0 ? "tree.gap" : gap > 0 ? "tree.gapShort" : "tree.gapOver",
    amount: formatValue(gap === null ? null : Math.abs(gap), unit, lang, { compact: true }),
    implied: formatValue(row.implied, unit, lang, { compact: true }),
    target: formatValue(row.target, unit, lang),
    impliedExact: formatValue(row.implied, unit, lang),
    gap: gap === null ? formatValue(null, unit, lang) : signedValue(gap, unit, lang),
    ratio:
      row.gapRatio === null ? formatValue(null, "percent", lang) : signedValue(row.gapRatio, "percent", lang),
  };
}
