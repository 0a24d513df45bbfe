import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { usePlanFile } from "../../api/queries";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { currentPeriod, DEFAULT_CALENDAR, periodLabel, periodRangeLabel } from "../../format/fiscalPeriod";
import { currentLang } from "../../i18n/setupI18n";
import { monthName } from "./formatSettings";

/** The selected plan's calendar (fiscal year start, time zone), read here and edited in the plan editor. */
export function CalendarSection({ id, selection }: { id: string; selection: PlanAndPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const { plan, search } = selection;
  const file = usePlanFile(plan?.id);
  const editLink = (
    <Link href={`/plan${search}`}>{plan ? t("settings.calendar.editLink") : t("header.editor")}</Link>
  );

  let body: ReactNode;
  if (selection.error) body = <LoadError error={selection.error} onRetry={selection.refetch} />;
  else if (selection.isPending) body = <Loading />;
  else if (!plan)
    body = (
      <Empty title={t("settings.calendar.noPlan")}>
        {t("settings.calendar.noPlanHint")} {editLink}
      </Empty>
    );
  else if (file.error) body = <LoadError error={file.error} onRetry={() => void file.refetch()} />;
  else if (file.isPending) body = <Loading />;
  else {
    const given = file.data.calendar ?? {};
    const calendar = {
      fiscalYearStart: given.fiscalYearStart ?? DEFAULT_CALENDAR.fiscalYearStart,
      timezone: given.timezone ?? DEFAULT_CALENDAR.timezone,
    };
    const year = currentPeriod("year", calendar, new Date());
    const defaulted = <span className="muted"> {t("settings.calendar.defaulted")}</span>;
    body = (
      <>
        <dl className="settings-facts">
          <dt>{t("settings.calendar.plan")}</dt>
          <dd>{plan.name}</dd>
          <dt>{t("settings.calendar.fiscalYearStart")}</dt>
          <dd>
            {t("settings.calendar.fiscalYearStartValue", {
              month: monthName(calendar.fiscalYearStart, lang),
            })}
            {given.fiscalYearStart === undefined && defaulted}
          </dd>
          <dt>{t("settings.calendar.timezone")}</dt>
          <dd>
            <code>{calendar.timezone}</code>
            {given.timezone === undefined && defaulted}
          </dd>
          <dt>{t("settings.calendar.currentYear")}</dt>
          <dd>
            {periodLabel(year, lang)}{" "}
            <span className="muted">({periodRangeLabel(year, calendar, lang)})</span>
          </dd>
        </dl>
        <p className="muted">
          {t("settings.calendar.editHint")} {editLink}
        </p>
      </>
    );
  }

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.calendar.title")}</h2>
      {body}
    </section>
  );
}
