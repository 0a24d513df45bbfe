import type { Lang } from "../i18n/lang.js";
import { civilFromDay, isoFromDay, mod } from "./civilDate.js";
import { isoWeekOfMonday } from "./isoWeek.js";
import { periodLabels } from "./messages.js";
import { indexOfPeriod, weekShift } from "./sequence.js";
import type { Calendar, Period } from "./types.js";

/**
 * How a period is shown to people: "2026年度 第1四半期" / "FY2026 Q1", "2026年4月" /
 * "Apr 2026", "2026年 第16週" / "2026 W16". Worked out from the period's days rather than
 * its id, so it cannot disagree with what the period covers.
 */
export function periodLabel(period: Period, lang: Lang, calendar: Calendar): string {
  const labels = periodLabels[lang];
  switch (period.grain) {
    case "day": {
      const c = civilFromDay(period.start);
      return labels.day({ iso: isoFromDay(period.start), year: c.year, month: c.month, day: c.day });
    }
    case "week":
      return labels.week(isoWeekOfMonday(period.start + weekShift(calendar)));
    case "month": {
      const c = civilFromDay(period.start);
      return labels.month({ year: c.year, month: c.month });
    }
    case "quarter": {
      const index = indexOfPeriod(period, calendar);
      return labels.quarter({ fiscalYear: Math.floor(index / 4), quarter: mod(index, 4) + 1 });
    }
    case "half": {
      const index = indexOfPeriod(period, calendar);
      return labels.half({ fiscalYear: Math.floor(index / 2), half: mod(index, 2) + 1 });
    }
    default:
      return labels.year({ fiscalYear: indexOfPeriod(period, calendar) });
  }
}
