import { defineMessages } from "../i18n/messages.js";
import type { Grain } from "./types.js";

const FORMS_EN =
  "2026-04-15 (day), 2026-W16 (week), 2026-04 (month), FY2026-Q1 (quarter), FY2026-H1 (half year), FY2026 (fiscal year)";
const FORMS_JA =
  "2026-04-15（日）、2026-W16（週）、2026-04（月）、FY2026-Q1（四半期）、FY2026-H1（半期）、FY2026（年度）";

const GRAIN_EN: Record<Grain, string> = {
  day: "day",
  week: "week",
  month: "month",
  quarter: "quarter",
  half: "half year",
  year: "fiscal year",
};
const GRAINS_EN: Record<Grain, string> = {
  day: "days",
  week: "weeks",
  month: "months",
  quarter: "quarters",
  half: "half years",
  year: "fiscal years",
};
const GRAIN_JA: Record<Grain, string> = {
  day: "日",
  week: "週",
  month: "月",
  quarter: "四半期",
  half: "半期",
  year: "年度",
};

const MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** English short month name, 1-based; fixed here rather than from Intl so labels never vary by ICU. */
export function monthNameEn(month: number): string {
  return MONTH_EN[month - 1]!;
}

interface BadText {
  text: string;
}

export const periodMessages = defineMessages({
  en: {
    "period.invalid": (p: BadText & { suggestion?: string }) =>
      (p.text === ""
        ? `The period is empty. Write a period as one of: ${FORMS_EN}.`
        : `"${p.text}" is not a period. Write a period as one of: ${FORMS_EN}.`) +
      (p.suggestion ? ` Did you mean "${p.suggestion}"?` : ""),
    "period.outOfRange": (p: BadText & { min: number; max: number }) =>
      `"${p.text}" lies outside the years this tool handles (${p.min} to ${p.max}).`,
    "period.badMonth": (p: BadText & { month: string }) =>
      `"${p.text}" names month ${p.month}, but months run from 01 to 12.`,
    "period.badDate": (p: BadText & { year: number; month: number; days: number }) =>
      `"${p.text}" is not a real date: ${monthNameEn(p.month)} ${p.year} has days 01 to ${p.days}.`,
    "period.badWeek": (p: BadText & { week: string }) =>
      `"${p.text}" names week ${p.week}, but ISO weeks run from W01 to W52 (W53 in some years).`,
    "period.noWeek53": (p: BadText & { year: number }) =>
      `"${p.text}" does not exist: ISO year ${p.year} has only 52 weeks, W01 to W52.`,
    "period.badQuarter": (p: BadText) => `"${p.text}" names no quarter: a fiscal year has quarters Q1 to Q4.`,
    "period.badHalf": (p: BadText) =>
      `"${p.text}" names no half: a fiscal year has H1 (first half) and H2 (second half).`,
    "period.notCoarser": (p: { id: string; from: Grain; to: Grain }) =>
      `${p.id} cannot roll up into a ${GRAIN_EN[p.to]}: a ${GRAIN_EN[p.from]} only rolls up into the same or a coarser grain.`,
    "period.notFiner": (p: { id: string; from: Grain; to: Grain }) =>
      `${p.id} cannot be split into ${GRAINS_EN[p.to]}: a ${GRAIN_EN[p.from]} only splits into the same or a finer grain.`,
    "period.unknownGrain": (p: { value: string; suggestion?: string }) =>
      `"${p.value}" is not a grain. Use day, week, month, quarter, half or year.` +
      (p.suggestion ? ` Did you mean "${p.suggestion}"?` : ""),
    "period.notADay": (p: { value: string }) =>
      `${p.value} is not a day: a day is a whole number of days counted from 1970-01-01.`,
    "period.badShift": (p: { value: string }) =>
      `A period cannot move by ${p.value} steps: the step must be a whole number.`,
    "period.badInstant": (p: { value: string }) => `${p.value} is not a valid point in time.`,
    "calendar.badFiscalYearStart": (p: { value: string }) =>
      `fiscalYearStart must be the month a fiscal year starts in, a whole number from 1 to 12, not ${p.value}.`,
    "calendar.badTimezone": (p: { value: string; suggestion?: string }) =>
      `${p.value} is not a known IANA time zone (such as Asia/Tokyo or America/New_York).` +
      (p.suggestion ? ` Did you mean "${p.suggestion}"?` : ""),
    "calendar.badWeekStart": (p: { value: string }) =>
      `weekStart must be "monday" (ISO weeks) or "sunday", not ${p.value}.`,
    "calendar.badLocale": (p: { value: string }) => `locale must be "ja" or "en", not ${p.value}.`,
  },
  ja: {
    "period.invalid": (p) =>
      (p.text === ""
        ? `期間が空です。次のいずれかの形で書いてください: ${FORMS_JA}。`
        : `「${p.text}」は期間として読めません。次のいずれかの形で書いてください: ${FORMS_JA}。`) +
      (p.suggestion ? `「${p.suggestion}」のことではありませんか。` : ""),
    "period.outOfRange": (p) => `「${p.text}」は扱える年の範囲（${p.min}年〜${p.max}年）の外にあります。`,
    "period.badMonth": (p) =>
      `「${p.text}」の月「${p.month}」は正しくありません。月は01〜12で書いてください。`,
    "period.badDate": (p) =>
      `「${p.text}」という日付はありません。${p.year}年${p.month}月の日は01〜${p.days}です。`,
    "period.badWeek": (p) =>
      `「${p.text}」の週番号「${p.week}」は正しくありません。ISO週はW01〜W52（年によってはW53）です。`,
    "period.noWeek53": (p) => `「${p.text}」はありません。${p.year}年のISO週はW52までの52週です。`,
    "period.badQuarter": (p) => `「${p.text}」の四半期は正しくありません。年度の四半期はQ1〜Q4です。`,
    "period.badHalf": (p) =>
      `「${p.text}」の半期は正しくありません。年度の半期はH1（上期）とH2（下期）です。`,
    "period.notCoarser": (p) =>
      `${p.id}を${GRAIN_JA[p.to]}に集計することはできません。${GRAIN_JA[p.from]}は同じか、より粗い単位にしか集計できません。`,
    "period.notFiner": (p) =>
      `${p.id}を${GRAIN_JA[p.to]}に分けることはできません。${GRAIN_JA[p.from]}は同じか、より細かい単位にしか分けられません。`,
    "period.unknownGrain": (p) =>
      `「${p.value}」は期間の単位ではありません。day、week、month、quarter、half、year のいずれかを使ってください。` +
      (p.suggestion ? `「${p.suggestion}」のことではありませんか。` : ""),
    "period.notADay": (p) => `${p.value}は日として使えません。日は1970-01-01から数えた整数の日数です。`,
    "period.badShift": (p) =>
      `期間を${p.value}だけずらすことはできません。ずらす数は整数で指定してください。`,
    "period.badInstant": (p) => `${p.value}は正しい日時ではありません。`,
    "calendar.badFiscalYearStart": (p) =>
      `fiscalYearStart（年度の開始月）は1〜12の整数で指定してください。指定された値: ${p.value}`,
    "calendar.badTimezone": (p) =>
      `${p.value}はIANAのタイムゾーン名として認識できません（例: Asia/Tokyo、America/New_York）。` +
      (p.suggestion ? `「${p.suggestion}」のことではありませんか。` : ""),
    "calendar.badWeekStart": (p) =>
      `weekStart は "monday"（ISO週）か "sunday" で指定してください。指定された値: ${p.value}`,
    "calendar.badLocale": (p) => `locale は "ja" か "en" で指定してください。指定された値: ${p.value}`,
  },
});

type PeriodCatalogue = (typeof periodMessages)["en"];
export type PeriodErrorCode = keyof PeriodCatalogue;
export type PeriodErrorParams<K extends PeriodErrorCode> = Parameters<PeriodCatalogue[K]>[0];

/**
 * Labels are user-facing text too, so they live beside the error messages; they are a
 * separate catalogue because they are not error codes.
 */
export const periodLabels = defineMessages({
  en: {
    day: (p: { iso: string; year: number; month: number; day: number }) => p.iso,
    week: (p: { year: number; week: number }) => `${p.year} W${p.week < 10 ? "0" : ""}${p.week}`,
    month: (p: { year: number; month: number }) => `${monthNameEn(p.month)} ${p.year}`,
    quarter: (p: { fiscalYear: number; quarter: number }) => `FY${p.fiscalYear} Q${p.quarter}`,
    half: (p: { fiscalYear: number; half: number }) => `FY${p.fiscalYear} H${p.half}`,
    year: (p: { fiscalYear: number }) => `FY${p.fiscalYear}`,
  },
  ja: {
    day: (p) => `${p.year}年${p.month}月${p.day}日`,
    week: (p) => `${p.year}年 第${p.week}週`,
    month: (p) => `${p.year}年${p.month}月`,
    quarter: (p) => `${p.fiscalYear}年度 第${p.quarter}四半期`,
    half: (p) => `${p.fiscalYear}年度 ${p.half === 1 ? "上期" : "下期"}`,
    year: (p) => `${p.fiscalYear}年度`,
  },
});
