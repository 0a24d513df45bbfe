import { useTranslation } from "react-i18next";
import {
  changeGrain,
  currentPeriod,
  type FiscalCalendar,
  type Grain,
  type Period,
  periodId,
  periodLabel,
  periodRangeLabel,
  shiftPeriod,
} from "../format/fiscalPeriod";
import { currentLang } from "../i18n/setupI18n";

interface PeriodPickerProps {
  period: Period;
  calendar: FiscalCalendar;
  onChange: (period: Period) => void;
}

const GRAINS: Grain[] = ["month", "quarter", "year"];

/** Grain (month / quarter / fiscal year), previous / next, and back to the current period. */
export function PeriodPicker({ period, calendar, onChange }: PeriodPickerProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const now = new Date();
  const current = currentPeriod(period.grain, calendar, now);
  const range = periodRangeLabel(period, calendar, lang);
  return (
    <div className="period-picker">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("period.grain")}</legend>
        {GRAINS.map((grain) => (
          <button
            key={grain}
            type="button"
            aria-pressed={period.grain === grain}
            onClick={() => onChange(changeGrain(period, grain, calendar, now))}
          >
            {t(`period.${grain}`)}
          </button>
        ))}
      </fieldset>
      <div className="period-nav">
        <button
          type="button"
          className="icon-button"
          aria-label={t("period.previous")}
          onClick={() => onChange(shiftPeriod(period, -1, calendar))}
        >
          ‹
        </button>
        <h2 className="period-label" aria-live="polite">
          {periodLabel(period, lang)}
          {range && <span className="period-range">{range}</span>}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t("period.next")}
          onClick={() => onChange(shiftPeriod(period, 1, calendar))}
        >
          ›
        </button>
        {periodId(current) !== periodId(period) && (
          <button type="button" className="link-button" onClick={() => onChange(current)}>
            {t("period.current")}
          </button>
        )}
      </div>
    </div>
  );
}
