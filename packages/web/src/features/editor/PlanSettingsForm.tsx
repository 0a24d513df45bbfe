import { type ReactNode, useEffect, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { FieldIssue } from "./checkDraft";
import type { Draft } from "./planDraft";

interface Props {
  draft: Draft;
  issues: FieldIssue[];
  canEdit: boolean;
  focusField: { field: string } | null;
  onFocused: () => void;
  onChange: (patch: Partial<Draft>) => void;
}

/** Every IANA zone the browser knows, for the time-zone suggestions. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Tokyo", "UTC"];
  }
}

/**
 * The plan's own fields: its name and its calendar (fiscal year start, time zone, week
 * start, language of findings). The settings page links here (`/plan#calendar`).
 */
export function PlanSettingsForm({ draft, issues, canEdit, focusField, onFocused, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const idOf = (field: string) => `${prefix}-${field}`;
  const zones = useMemo(timeZones, []);
  const issuesOf = (field: string) => issues.filter((i) => i.field === field);
  const fileIssues = issuesOf("file");
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: "long", timeZone: "UTC" }).format(
      Date.UTC(2026, month - 1, 1),
    );

  useEffect(() => {
    if (!focusField) return;
    document.getElementById(`${prefix}-${focusField.field}`)?.focus();
    onFocused();
  }, [focusField, onFocused, prefix]);

  const field = (
    name: string,
    label: string,
    input: (aria: Record<string, unknown>) => ReactNode,
    hint?: string,
  ) => {
    const found = issuesOf(name);
    const described = [hint ? `${idOf(name)}-hint` : null, found.length > 0 ? `${idOf(name)}-issues` : null]
      .filter(Boolean)
      .join(" ");
    const aria: Record<string, unknown> = { id: idOf(name) };
    if (found.length > 0) aria["aria-invalid"] = true;
    if (described) aria["aria-describedby"] = described;
    return (
      <div className={`editor-field${found.length > 0 ? " has-issues" : ""}`}>
        <label htmlFor={idOf(name)}>{label}</label>
        {input(aria)}
        {hint && (
          <p className="editor-hint" id={`${idOf(name)}-hint`}>
            {hint}
          </p>
        )}
        {found.length > 0 && (
          <ul className="editor-field-issues" id={`${idOf(name)}-issues`}>
            {found.map((issue) => (
              <li key={issue.message}>
                <span aria-hidden="true">⚠ </span>
                {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <form className="editor-form card" aria-labelledby={idOf("heading")} onSubmit={(e) => e.preventDefault()}>
      <h2 id={idOf("heading")}>{t("editor.planSettings")}</h2>
      <fieldset disabled={!canEdit}>
        <legend>{t("editor.sectionPlan")}</legend>
        {field("name", t("editor.planName"), (aria) => (
          <input
            {...aria}
            type="text"
            value={draft.name}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        ))}
      </fieldset>
      <fieldset disabled={!canEdit} id="calendar">
        <legend>{t("editor.sectionCalendar")}</legend>
        <div className="editor-grid">
          {field(
            "fiscalYearStart",
            t("editor.fiscalYearStart"),
            (aria) => (
              <select
                {...aria}
                value={draft.fiscalYearStart}
                onChange={(e) => onChange({ fiscalYearStart: e.target.value })}
              >
                <option value="">{t("editor.defaultValue", { value: monthName(4) })}</option>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
                  <option key={month} value={String(month)}>
                    {monthName(month)}
                  </option>
                ))}
              </select>
            ),
            t("editor.fiscalYearStartHint"),
          )}
          {field(
            "timezone",
            t("editor.timezone"),
            (aria) => (
              <>
                <input
                  {...aria}
                  type="text"
                  list={idOf("zones")}
                  value={draft.timezone}
                  placeholder="Asia/Tokyo"
                  autoComplete="off"
                  onChange={(e) => onChange({ timezone: e.target.value })}
                />
                <datalist id={idOf("zones")}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            ),
            t("editor.timezoneHint"),
          )}
          {field("weekStart", t("editor.weekStart"), (aria) => (
            <select
              {...aria}
              value={draft.weekStart}
              onChange={(e) => onChange({ weekStart: e.target.value as Draft["weekStart"] })}
            >
              <option value="">{t("editor.defaultValue", { value: t("editor.monday") })}</option>
              <option value="monday">{t("editor.monday")}</option>
              <option value="sunday">{t("editor.sunday")}</option>
            </select>
          ))}
          {field(
            "locale",
            t("editor.locale"),
            (aria) => (
              <select
                {...aria}
                value={draft.locale}
                onChange={(e) => onChange({ locale: e.target.value as Draft["locale"] })}
              >
                <option value="">{t("editor.defaultValue", { value: t("language.ja") })}</option>
                <option value="ja">{t("language.ja")}</option>
                <option value="en">{t("language.en")}</option>
              </select>
            ),
            t("editor.localeHint"),
          )}
        </div>
      </fieldset>
      {fileIssues.length > 0 && (
        <ul className="editor-field-issues">
          {fileIssues.map((issue) => (
            <li key={issue.message}>⚠ {issue.message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
