import { catalogs, type Lang } from "../i18n/catalog";

/** The statuses of the semantics (§4), in the API's spelling. */
export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "no_target" | "no_data";

/** The colour family of a status; the UI always shows the icon and the word with it. */
export type StatusTone = "good" | "warn" | "bad" | "done" | "none";

const STATUS_LOOK: Record<Status, { icon: string; tone: StatusTone }> = {
  on_track: { icon: "●", tone: "good" },
  at_risk: { icon: "▲", tone: "warn" },
  off_track: { icon: "✕", tone: "bad" },
  achieved: { icon: "◎", tone: "done" },
  no_target: { icon: "○", tone: "none" },
  no_data: { icon: "·", tone: "none" },
};

export interface StatusLabel {
  icon: string;
  text: string;
  tone: StatusTone;
}

const isStatus = (status: string): status is Status => Object.hasOwn(STATUS_LOOK, status);

/** Icon, word and tone of a status ("● 順調" / "● On track"); an unknown status is shown as it came. */
export function statusLabel(status: string, lang: Lang): StatusLabel {
  if (!isStatus(status)) return { icon: "?", text: status, tone: "none" };
  return { ...STATUS_LOOK[status], text: catalogs[lang].status[status] };
}
