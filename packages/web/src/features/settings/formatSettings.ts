import type { Lang } from "../../i18n/catalog";

/** A moment (ISO 8601) as the user reads it: "2026/11/24 12:00" / "Nov 24, 2026, 12:00 PM". */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A calendar month by its number (1–12): "4" for ja (the text adds 月), "April" for en. */
export function monthName(month: number, lang: Lang): string {
  if (lang === "ja") return String(month);
  return new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}
