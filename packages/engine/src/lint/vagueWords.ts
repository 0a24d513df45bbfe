/*
 * M2's word lists, in one place. A vague word names a feeling or an effort that cannot be
 * counted as it stands (SMART "measurable"; the article's 「顧客の喜び」「チームの士気」).
 * A measuring cue in a definition says how such a thing is turned into a number.
 */

const VAGUE_JA = [
  "喜び",
  "士気",
  "やる気",
  "満足感",
  "満足度",
  "雰囲気",
  "頑張",
  "がんば",
  "意欲",
  "モチベーション",
  "幸福感",
  "熱意",
  "一体感",
];

const VAGUE_EN =
  /\b(morale|happiness|happy|engagement|engaged|motivation|motivated|delight(?:ed|ful)?|satisfaction|satisfied|enthusiasm|team spirit|atmosphere|vibes?)\b/i;

const CUES_JA = ["アンケート", "調査", "スコア", "点", "回答", "割合", "率", "件数", "人数", "数", "%", "％"];

const CUES_EN =
  /\b(survey|score|nps|enps|csat|rate|ratio|share|count|number|percent|responses?|per)\b|%|\/|\bNPS\b|\beNPS\b|\bCSAT\b/i;

/** The first vague word in a text, as written there, or null. */
export function findVagueWord(text: string): string | null {
  let best: { at: number; word: string } | null = null;
  for (const word of VAGUE_JA) {
    const at = text.indexOf(word);
    if (at >= 0 && (best === null || at < best.at)) best = { at, word };
  }
  const english = VAGUE_EN.exec(text);
  if (english && (best === null || english.index < best.at)) best = { at: english.index, word: english[0] };
  return best?.word ?? null;
}

/** Whether a definition says how something is counted (a survey, a score, a rate, a count...). */
export function hasMeasuringCue(text: string): boolean {
  return CUES_JA.some((cue) => text.includes(cue)) || CUES_EN.test(text);
}
