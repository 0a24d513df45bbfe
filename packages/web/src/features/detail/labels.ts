import { parsePeriodId, periodLabel } from "../../format/fiscalPeriod";
import type { Lang } from "../../i18n/catalog";

/** A period id as people read it ("2026年11月", "FY2026 Q3"); ids the dashboard does not name stay as they are. */
export function periodText(id: string, lang: Lang): string {
  const period = parsePeriodId(id);
  return period ? periodLabel(period, lang) : id;
}

/** A name from a catalog's table, or the key itself when the table does not know it (free-text units). */
export function nameIn(names: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(names, key) ? names[key]! : key;
}
