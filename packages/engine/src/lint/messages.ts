import { grainName } from "../i18n/grainNames.js";
import type { Lang } from "../i18n/lang.js";
import { defineMessages, formatNumber } from "../i18n/messages.js";
import { roundForDisplay } from "../roundForDisplay.js";
import { RULE_IDS, type RuleId } from "./types.js";

/*
 * Every text of the linter: findings (`<rule>.<case>`), their fixes (`….fix`), problems in
 * `lint.rules` (`lint.*`), and the rules' titles and descriptions for docs and `--rules`.
 */

type NodeRef = { node: string; name: string | null };
type Period = { period: string };
type Owner = { owner: string | null };

const nodeEn = (p: NodeRef) => (p.name && p.name !== p.node ? `"${p.name}" (${p.node})` : `"${p.node}"`);
const nodeJa = (p: NodeRef) => (p.name && p.name !== p.node ? `「${p.name}」(${p.node})` : `「${p.node}」`);
const AMOUNT = {
  ja: {
    whole: new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2 }),
    small: new Intl.NumberFormat("ja-JP", { maximumSignificantDigits: 4 }),
  },
  en: {
    whole: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }),
    small: new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 }),
  },
};
/** A number for a sentence: grouped, at most 2 decimals, or 4 significant digits below 1 (rates such as 0.0125). */
const n = (value: number, lang: Lang) => {
  const format = Math.abs(value) >= 1 ? AMOUNT[lang].whole : AMOUNT[lang].small;
  return format.format(roundForDisplay(value));
};
const pctEn = (ratio: number) => `${formatNumber(Math.round(ratio * 1000) / 10, "en")} %`;
const pctJa = (ratio: number) => `${formatNumber(Math.round(ratio * 1000) / 10, "ja")}%`;
const grainsEn = (grain: string) => `${grainName(grain, "en")}s`;
const listEn = (ids: readonly string[]) => ids.join(", ");
/** Japanese counters for "the last 3 …": 3 か月, 3 四半期. */
const COUNTER_JA: Record<string, string> = {
  day: "日",
  week: "週",
  month: "か月",
  quarter: "四半期",
  half: "半期",
  year: "年度",
};
const listJa = (ids: readonly string[]) => ids.join("、");

export interface PeriodOutcome {
  period: string;
  actual: number;
  target: number;
}
const outcomesEn = (rows: readonly PeriodOutcome[]) =>
  rows.map((r) => `${r.period}: ${n(r.actual, "en")} against ${n(r.target, "en")}`).join("; ");
const outcomesJa = (rows: readonly PeriodOutcome[]) =>
  rows.map((r) => `${r.period} 実績 ${n(r.actual, "ja")} / 目標 ${n(r.target, "ja")}`).join("、");

/** Which actual a target was compared with: the same period a year earlier, the one just before, or the latest finished one. */
export type ReferenceBasis = "lastYear" | "previous" | "latest";

type Reference = { reference: number; referencePeriod: string; basis: ReferenceBasis };
type Stretch = NodeRef &
  Period &
  Reference & { target: number; change: number; limit: number; limitValue: number; direction: "up" | "down" };
type Easy = NodeRef & Period & Reference & { target: number; direction: "up" | "down" };
type Streak = NodeRef & Owner & { grain: string; outcomes: PeriodOutcome[] };
type Gap = NodeRef &
  Period & { target: number; implied: number; gap: number; gapRatio: number | null; threshold: number };
type LeverFix = {
  period: string;
  lever: string;
  value: number;
  implied: number;
  node: string;
  /** How the lever's finer targets take the value: as parts of a total, each the same, or not split. */
  split: "total" | "each" | null;
  each: number;
  grain: string | null;
};
type Vague = NodeRef & { word: string; field: "name" | "definition" };
type Config = { rule: string };
type Review = { cycle: string; period: string; last: string | null };

const refEn = (p: Reference) => {
  const value = n(p.reference, "en");
  if (p.basis === "lastYear") return `the actual of ${p.referencePeriod}, a year earlier (${value})`;
  if (p.basis === "previous") return `the actual of the period before, ${p.referencePeriod} (${value})`;
  return `the latest actual, of ${p.referencePeriod} (${value})`;
};
const refJa = (p: Reference) => {
  const value = n(p.reference, "ja");
  if (p.basis === "lastYear") return `前年同期（${p.referencePeriod}）の実績 ${value}`;
  if (p.basis === "previous") return `直前の期間（${p.referencePeriod}）の実績 ${value}`;
  return `直近（${p.referencePeriod}）の実績 ${value}`;
};

export const lintMessages = defineMessages({
  en: {
    "S1.noDefinition": (p: NodeRef) =>
      `${nodeEn(p)} has no definition: nobody can tell exactly what is counted, so two people may measure it differently.`,
    "S1.noDefinition.fix": (_: NodeRef) =>
      `Add a "definition" that says what is counted and from which source, e.g. "new leads from web forms and events, duplicates removed".`,
    "S1.noUnit": (p: NodeRef) =>
      `${nodeEn(p)} has no unit, so its numbers cannot be read or compared safely.`,
    "S1.noUnit.fix": (p: { unit: string | null }) =>
      p.unit
        ? `Add "unit: ${p.unit}" (or the unit it is really counted in).`
        : `Add a "unit": JPY, USD, count, percent, ratio, days, hours, score, or a word of your own.`,
    "S2.noBaseline": (p: NodeRef & Period & Reference & { target: number; count: number }) =>
      `The target of ${nodeEn(p)} for ${p.period} (${n(p.target, "en")}) says where to go but not where from, although ${refEn(p)} is known.` +
      (p.count > 1 ? ` ${p.count - 1} later target(s) have no baseline either.` : ""),
    "S2.noBaseline.fix": (p: Period & Reference & { target: number }) =>
      `Write it "from → to": ${p.period}: { value: ${roundForDisplay(p.target)}, baseline: ${roundForDisplay(p.reference)} }.`,
    "M1.noSource": (p: NodeRef) =>
      `${nodeEn(p)} has no way to get data: no formula, no declared grain or aggregation, and no data loaded.`,
    "M1.noSource.fix": (p: { grain: string; aggregation: string }) =>
      `Declare how it is recorded ("grain: ${p.grain}" and "aggregation: ${p.aggregation}") and load its actuals, or compute it with a "formula" over other nodes.`,
    "M2.vague": (p: Vague) =>
      `The ${p.field} of ${nodeEn(p)} uses "${p.word}", which cannot be measured on its own, and nothing says how it is measured.`,
    "M2.vague.fix": (p: Vague) =>
      `Replace "${p.word}" by something countable, e.g. an eNPS or survey score, and give it a "definition" (survey, question, scale) and a "unit".`,
    "A1.stretch": (p: Stretch) =>
      p.direction === "up"
        ? `The target of ${nodeEn(p)} for ${p.period} (${n(p.target, "en")}) needs +${pctEn(p.change)} over ${refEn(p)}: beyond the stretch limit of +${pctEn(p.limit)}, it may be unachievable.`
        : `The target of ${nodeEn(p)} for ${p.period} (${n(p.target, "en")}) needs a cut of ${pctEn(p.change)} from ${refEn(p)}: beyond the stretch limit of ${pctEn(p.limit)}, it may be unachievable.`,
    "A1.stretch.fix": (p: Stretch) =>
      `Set it nearer to ${n(p.limitValue, "en")} (the limit), or, if the stretch is deliberate, mark the target "basis: stretch" with a note saying why it can be reached.`,
    "A1.easy": (p: Easy) =>
      p.direction === "up"
        ? `The target of ${nodeEn(p)} for ${p.period} (${n(p.target, "en")}) is below ${refEn(p)}: it may be too easy.`
        : `The target of ${nodeEn(p)} for ${p.period} (${n(p.target, "en")}) is above ${refEn(p)}, although lower is better: it may be too easy.`,
    "A1.easy.fix": (p: Easy) =>
      p.direction === "up"
        ? `Raise it to at least ${n(p.reference, "en")}, or note why a fall is expected (e.g. seasonality) in the target's "note".`
        : `Lower it to at most ${n(p.reference, "en")}, or note why a rise is expected in the target's "note".`,
    "A2.missed": (p: Streak) =>
      `${nodeEn(p)} missed its target in each of the last ${p.outcomes.length} ${grainsEn(p.grain)} (${outcomesEn(p.outcomes)}).`,
    "A2.missed.fix": (p: Streak) =>
      `Review the target${p.owner ? ` with ${p.owner}` : ""}: revise it and record the reason (external environment, resources, misalignment, other), or change what is done to reach it.`,
    "A2.beaten": (p: Streak & { beat: number }) =>
      `${nodeEn(p)} beat its target by more than ${pctEn(p.beat)} in each of the last ${p.outcomes.length} ${grainsEn(p.grain)} (${outcomesEn(p.outcomes)}): the target may be too easy.`,
    "A2.beaten.fix": (p: Streak & { suggestion: number }) =>
      `Consider raising the target to about ${n(p.suggestion, "en")}, the weakest of these actuals.`,
    "R1.orphan": (p: NodeRef) =>
      `The KPI ${nodeEn(p)} does not lead to any KGI, neither through its parents nor through a formula: reaching it would not show in a final goal.`,
    "R1.orphan.fix": (p: { kgis: string[] }) =>
      p.kgis.length === 1
        ? `Set "parent: ${p.kgis[0]}" (or one of its KSFs), or use it in the formula of a node that leads there; if it serves no goal, drop it.`
        : `Set "parent" to the KGI or KSF it serves (${listEn(p.kgis)}), or use it in a formula that leads there; if it serves no goal, drop it.`,
    "R1.noKgi": (p: { count: number }) =>
      `The plan has ${p.count} KPI(s) but no KGI, so nothing says which final goal they serve.`,
    "R1.noKgi.fix": (_: { count: number }) =>
      `Add the final goal as a node with "role: kgi" (e.g. quarterly revenue) and put the KPIs under it.`,
    "R2.gap": (p: Gap) =>
      `The target of ${nodeEn(p)} for ${p.period} is ${n(p.target, "en")}, but its inputs' targets add up to ${n(p.implied, "en")} (gap ${n(p.gap, "en")}${p.gapRatio === null ? "" : `, ${pctEn(Math.abs(p.gapRatio))}`}): reaching the KPI targets would not deliver it.`,
    "R2.gap.fixTarget": (p: Gap) =>
      `Set the target of ${p.node} for ${p.period} to ${n(p.implied, "en")}, or raise the targets of its inputs until they add up to ${n(p.target, "en")}.`,
    "R2.gap.fixLever": (p: LeverFix) => {
      const other = `or set the target of ${p.node} to ${n(p.implied, "en")}.`;
      const grain = grainName(p.grain ?? "", "en");
      if (p.split === "total")
        return `Set the targets of ${p.lever} in ${p.period} to ${n(p.value, "en")} in total (${n(p.each, "en")} per ${grain}), ${other}`;
      if (p.split === "each")
        return `Set each ${grain}'s target of ${p.lever} in ${p.period} to ${n(p.value, "en")}, ${other}`;
      return `Set the target of ${p.lever} for ${p.period} to ${n(p.value, "en")}, ${other}`;
    },
    "T1.noCadence": (p: NodeRef) =>
      `${nodeEn(p)} does not say how often its targets are set ("cadence"), so it has no deadline.`,
    "T1.noCadence.fix": (p: { cadence: string }) =>
      `Add "cadence: ${p.cadence}" (KPIs are usually monthly, KGIs quarterly to yearly).`,
    "T1.noTarget": (p: NodeRef & Period & { upcoming: boolean }) =>
      p.upcoming
        ? `${nodeEn(p)} has no target for ${p.period}, the first period of the plan.`
        : `${nodeEn(p)} has no target for the current period, ${p.period}.`,
    "T1.noTarget.fix": (p: NodeRef & Period & { computed: boolean; example: number | null }) =>
      p.computed
        ? `Add a target for ${p.period} under "targets", or give all its inputs targets so that one is derived.`
        : p.example === null
          ? `Add a target for ${p.period} under "targets".`
          : `Add a target for ${p.period} under "targets", e.g. "${p.period}: ${roundForDisplay(p.example)}".`,
    "T2.coarser": (p: NodeRef & { cadence: string; kgi: string; kgiCadence: string }) =>
      `The KPI ${nodeEn(p)} is set per ${grainName(p.cadence, "en")}, but the KGI it serves, ${p.kgi}, is set per ${grainName(p.kgiCadence, "en")}: the KPI cannot warn in time.`,
    "T2.coarser.fix": (p: { kgiCadence: string; suggestion: string }) =>
      `Set "cadence: ${p.suggestion}", no coarser than the KGI's ${grainName(p.kgiCadence, "en")}, and set its targets per ${grainName(p.suggestion, "en")}.`,
    "K1.tooManyChildren": (p: NodeRef & { count: number; max: number; kpis: string[] }) =>
      `${nodeEn(p)} has ${p.count} KPIs directly under it (${listEn(p.kpis)}), more than ${p.max}: too many to follow.`,
    "K1.tooManyChildren.fix": (p: { max: number }) =>
      `Keep the 3 to ${p.max} that move it most ("shihyo sensitivity" ranks them) and group or drop the rest.`,
    "K1.tooManyOwned": (p: { owner: string; count: number; max: number; kpis: string[] }) =>
      `${p.owner} owns ${p.count} KPIs (${listEn(p.kpis)}), more than ${p.max}: too many for one person to act on.`,
    "K1.tooManyOwned.fix": (p: { owner: string; max: number }) =>
      `Hand some to other owners or drop the least useful, so that ${p.owner} keeps ${p.max} or fewer.`,
    "K1.tooFew": (p: NodeRef & { role: string; count: number; min: number }) =>
      p.count === 0
        ? `No KPI measures progress towards ${nodeEn(p)}.`
        : `Only ${p.count} KPI(s) measure progress towards ${nodeEn(p)}; at least ${p.min} are expected.`,
    "K1.tooFew.fix": (p: NodeRef) =>
      `Add a KPI with "role: kpi" and "parent: ${p.node}" that shows early whether it will be reached.`,
    "H1.stale": (p: NodeRef & { last: string; grain: string; factor: number }) =>
      `${nodeEn(p)} has had no data since ${p.last}, more than ${p.factor} ${grainsEn(p.grain)} ago: a KPI nobody updates is no longer managed.`,
    "H1.stale.fix": (p: { expected: string }) =>
      `Load its actuals up to ${p.expected} (e.g. "shihyo import"), or drop it from the plan if it is no longer followed.`,
    "H1.never": (p: NodeRef & Period & { grain: string; factor: number }) =>
      `${nodeEn(p)} has had no data at all, although its targets started with ${p.period}: it is tracked on paper only.`,
    "H1.never.fix": (p: { expected: string }) =>
      `Load its actuals up to ${p.expected} and set up a regular import, or drop it if nobody will measure it.`,
    "H2.noReview": (p: NodeRef & Review) =>
      `${nodeEn(p)} has not been reviewed since ${p.period} began (${p.last ? `last review ${p.last}` : "no review recorded"}); reviews are due every ${grainName(p.cycle, "en")}.`,
    "H2.noReview.fix": (_: Review) =>
      `Hold a review: compare actuals with targets, decide what to change, and record it (revising targets with their reason).`,
    "H2.planNoReview": (p: Review) =>
      `The plan has not been reviewed since ${p.period} began (${p.last ? `last review ${p.last}` : "no review recorded"}); reviews are due every ${grainName(p.cycle, "en")}.`,
    "H3.noOwner": (p: NodeRef) => `${nodeEn(p)} has no owner: nobody answers for it or acts when it slips.`,
    "H3.noOwner.fix": (_: NodeRef) => `Add "owner:" with the person or team that acts on it.`,
    "lint.unknownRule": (p: Config & { suggestion: string | null }) =>
      `"${p.rule}" is not a linter rule.` +
      (p.suggestion ? ` Did you mean "${p.suggestion}"?` : ` The rules are ${RULE_IDS.join(", ")}.`),
    "lint.badSetting": (p: Config) =>
      `The setting of ${p.rule} must be "off", "error", "warning", "info" or an object such as { severity: warning }.`,
    "lint.badSeverity": (p: Config & { value: string }) =>
      `"${p.value}" is not a severity: use off, error, warning or info.`,
    "lint.unknownOption": (p: Config & { option: string; suggestion: string | null; accepted: string[] }) =>
      `${p.rule} has no option "${p.option}".` +
      (p.suggestion ? ` Did you mean "${p.suggestion}"?` : "") +
      (p.accepted.length > 0 ? ` Its options: ${p.accepted.join(", ")}.` : ` It takes only "severity".`),
    "lint.badOptionValue": (
      p: Config & {
        option: string;
        value: string;
        kind: "number" | "integer" | "grain";
        min: number | null;
        strict: boolean;
      },
    ) => {
      const expected =
        p.kind === "grain"
          ? "one of day, week, month, quarter, half, year"
          : `${p.kind === "integer" ? "a whole number" : "a number"}${p.min === null ? "" : ` ${p.strict ? "greater than" : "of at least"} ${p.min}`}`;
      return `${p.rule}.${p.option} must be ${expected}, not ${p.value}.`;
    },
    "lint.minAboveMax": (p: Config & { min: number; max: number }) =>
      `${p.rule}.min (${p.min}) must not be greater than ${p.rule}.max (${p.max}).`,
  },
  ja: {
    "S1.noDefinition": (p: NodeRef) =>
      `${nodeJa(p)}に定義（definition）がありません。何を数えるのかが決まっていないと、人によって測り方が変わってしまいます。`,
    "S1.noDefinition.fix": (_: NodeRef) =>
      `「definition」に、何をどのデータから数えるのかを書いてください（例: 「Webフォームと展示会で獲得した新規リード数。重複は除く」）。`,
    "S1.noUnit": (p: NodeRef) =>
      `${nodeJa(p)}に単位（unit）がないため、数値を正しく読み取ったり比べたりできません。`,
    "S1.noUnit.fix": (p: { unit: string | null }) =>
      p.unit
        ? `「unit: ${p.unit}」を追加してください（実際の単位が異なる場合はそれを指定してください）。`
        : `「unit」を追加してください（JPY、USD、count、percent、ratio、days、hours、score、または任意の単位名）。`,
    "S2.noBaseline": (p: NodeRef & Period & Reference & { target: number; count: number }) =>
      `${nodeJa(p)}の ${p.period} の目標（${n(p.target, "ja")}）は到達点だけで、出発点（baseline）がありません。${refJa(p)}が分かっています。` +
      (p.count > 1 ? `ほかに ${p.count - 1} 件の目標にも出発点がありません。` : ""),
    "S2.noBaseline.fix": (p: Period & Reference & { target: number }) =>
      `「現状 → 目標」の形で書いてください: ${p.period}: { value: ${roundForDisplay(p.target)}, baseline: ${roundForDisplay(p.reference)} }`,
    "M1.noSource": (p: NodeRef) =>
      `${nodeJa(p)}にはデータを得る手段がありません。計算式も、記録単位（grain）や集計方法（aggregation）の指定も、実績データもありません。`,
    "M1.noSource.fix": (p: { grain: string; aggregation: string }) =>
      `記録方法（「grain: ${p.grain}」「aggregation: ${p.aggregation}」など）を指定して実績を取り込むか、ほかのノードからの計算式（formula）で求めてください。`,
    "M2.vague": (p: Vague) =>
      `${nodeJa(p)}の${p.field === "name" ? "名前" : "定義"}にある「${p.word}」はそのままでは測定できず、どう測るかも書かれていません。`,
    "M2.vague.fix": (p: Vague) =>
      `「${p.word}」を数えられるものに置き換えてください（例: eNPS やアンケートのスコア）。あわせて「definition」（調査方法・設問・尺度）と「unit」を書いてください。`,
    "A1.stretch": (p: Stretch) =>
      p.direction === "up"
        ? `${nodeJa(p)}の ${p.period} の目標 ${n(p.target, "ja")} は、${refJa(p)}から +${pctJa(p.change)} の伸びが必要です。ストレッチの上限 +${pctJa(p.limit)} を超えており、達成が難しい可能性があります。`
        : `${nodeJa(p)}の ${p.period} の目標 ${n(p.target, "ja")} は、${refJa(p)}から ${pctJa(p.change)} の削減が必要です。ストレッチの上限 ${pctJa(p.limit)} を超えており、達成が難しい可能性があります。`,
    "A1.stretch.fix": (p: Stretch) =>
      `目標を上限の ${n(p.limitValue, "ja")} に近づけてください。意図した挑戦目標であれば、「basis: stretch」と達成できる根拠を note に書いてください。`,
    "A1.easy": (p: Easy) =>
      p.direction === "up"
        ? `${nodeJa(p)}の ${p.period} の目標 ${n(p.target, "ja")} は、${refJa(p)}を下回っています。目標が低すぎる可能性があります。`
        : `${nodeJa(p)}は低いほど良い指標ですが、${p.period} の目標 ${n(p.target, "ja")} は${refJa(p)}を上回っています。目標が甘すぎる可能性があります。`,
    "A1.easy.fix": (p: Easy) =>
      p.direction === "up"
        ? `目標を ${n(p.reference, "ja")} 以上に引き上げるか、下がる見込みの理由（季節要因など）を目標の note に書いてください。`
        : `目標を ${n(p.reference, "ja")} 以下に引き下げるか、上がる見込みの理由を目標の note に書いてください。`,
    "A2.missed": (p: Streak) =>
      `${nodeJa(p)}は直近 ${p.outcomes.length} ${COUNTER_JA[p.grain] ?? p.grain}続けて目標を達成できていません（${outcomesJa(p.outcomes)}）。`,
    "A2.missed.fix": (p: Streak) =>
      `${p.owner ? `${p.owner} と` : ""}目標を見直してください。固執せず、理由（外部環境の変化・リソース不足・目標のずれ・その他）を記録して目標を修正するか、達成のための施策を変えてください。`,
    "A2.beaten": (p: Streak & { beat: number }) =>
      `${nodeJa(p)}は直近 ${p.outcomes.length} ${COUNTER_JA[p.grain] ?? p.grain}続けて目標を ${pctJa(p.beat)} 以上上回っています（${outcomesJa(p.outcomes)}）。目標が低すぎる可能性があります。`,
    "A2.beaten.fix": (p: Streak & { suggestion: number }) =>
      `目標を、これらの実績で最も低い ${n(p.suggestion, "ja")} 程度まで引き上げることを検討してください。`,
    "R1.orphan": (p: NodeRef) =>
      `KPI ${nodeJa(p)}は、親をたどっても計算式をたどってもどのKGIにもつながっていません。達成してもKGIの達成につながりません。`,
    "R1.orphan.fix": (p: { kgis: string[] }) =>
      p.kgis.length === 1
        ? `「parent: ${p.kgis[0]}」（またはそのKSF）を指定するか、そこにつながるノードの計算式で使ってください。どの目標にも関係しないなら削除してください。`
        : `「parent」に、このKPIが支えるKGIかKSF（${listJa(p.kgis)}）を指定するか、そこにつながる計算式で使ってください。どの目標にも関係しないなら削除してください。`,
    "R1.noKgi": (p: { count: number }) =>
      `このプランには KPI が ${p.count} 個ありますが、KGI がありません。KPI がどの最終目標を支えるのかが分かりません。`,
    "R1.noKgi.fix": (_: { count: number }) =>
      `最終目標（例: 四半期売上）を「role: kgi」のノードとして追加し、KPI をその下に置いてください。`,
    "R2.gap": (p: Gap) =>
      `${nodeJa(p)}の ${p.period} の目標は ${n(p.target, "ja")} ですが、入力の目標から計算すると ${n(p.implied, "ja")} にしかなりません（差 ${n(p.gap, "ja")}${p.gapRatio === null ? "" : `、${pctJa(Math.abs(p.gapRatio))}`}）。KPI の目標を達成しても、この目標には届きません。`,
    "R2.gap.fixTarget": (p: Gap) =>
      `${p.node} の ${p.period} の目標を ${n(p.implied, "ja")} にするか、入力の目標を合計が ${n(p.target, "ja")} になるまで引き上げてください。`,
    "R2.gap.fixLever": (p: LeverFix) => {
      const other = `${p.node} の目標を ${n(p.implied, "ja")} にしてください。`;
      const grain = grainName(p.grain ?? "", "ja");
      if (p.split === "total")
        return `${p.lever} の ${p.period} の目標を合計 ${n(p.value, "ja")}（1${grain}あたり ${n(p.each, "ja")}）にするか、${other}`;
      if (p.split === "each")
        return `${p.lever} の ${p.period} の各${grain}の目標を ${n(p.value, "ja")} にするか、${other}`;
      return `${p.lever} の ${p.period} の目標を ${n(p.value, "ja")} にするか、${other}`;
    },
    "T1.noCadence": (p: NodeRef) =>
      `${nodeJa(p)}には目標を設定する周期（cadence）がなく、期限が決まっていません。`,
    "T1.noCadence.fix": (p: { cadence: string }) =>
      `「cadence: ${p.cadence}」を追加してください（KPI は月単位、KGI は四半期〜年単位が一般的です）。`,
    "T1.noTarget": (p: NodeRef & Period & { upcoming: boolean }) =>
      p.upcoming
        ? `${nodeJa(p)}にはプラン最初の期間 ${p.period} の目標がありません。`
        : `${nodeJa(p)}には現在の期間 ${p.period} の目標がありません。`,
    "T1.noTarget.fix": (p: NodeRef & Period & { computed: boolean; example: number | null }) =>
      p.computed
        ? `「targets」に ${p.period} の目標を追加するか、入力のすべてに目標を設定して計算で求められるようにしてください。`
        : p.example === null
          ? `「targets」に ${p.period} の目標を追加してください。`
          : `「targets」に ${p.period} の目標を追加してください（例: 「${p.period}: ${roundForDisplay(p.example)}」）。`,
    "T2.coarser": (p: NodeRef & { cadence: string; kgi: string; kgiCadence: string }) =>
      `KPI ${nodeJa(p)}の目標は${grainName(p.cadence, "ja")}単位ですが、支える KGI（${p.kgi}）は${grainName(p.kgiCadence, "ja")}単位です。KPI の周期が KGI より長いと、手遅れになる前に気づけません。`,
    "T2.coarser.fix": (p: { kgiCadence: string; suggestion: string }) =>
      `「cadence: ${p.suggestion}」にして（KGI の${grainName(p.kgiCadence, "ja")}より長くしない）、${grainName(p.suggestion, "ja")}ごとの目標を設定してください。`,
    "K1.tooManyChildren": (p: NodeRef & { count: number; max: number; kpis: string[] }) =>
      `${nodeJa(p)}の直下に KPI が ${p.count} 個あり（${listJa(p.kpis)}）、上限の ${p.max} 個を超えています。多すぎると追いきれず形骸化します。`,
    "K1.tooManyChildren.fix": (p: { max: number }) =>
      `影響の大きい 3〜${p.max} 個に絞り（「shihyo sensitivity」で順位が分かります）、残りはまとめるか外してください。`,
    "K1.tooManyOwned": (p: { owner: string; count: number; max: number; kpis: string[] }) =>
      `${p.owner} が担当する KPI が ${p.count} 個あり（${listJa(p.kpis)}）、上限の ${p.max} 個を超えています。一人で追うには多すぎます。`,
    "K1.tooManyOwned.fix": (p: { owner: string; max: number }) =>
      `ほかの担当者に分けるか、役に立っていないものを外して、${p.owner} の担当を ${p.max} 個以下にしてください。`,
    "K1.tooFew": (p: NodeRef & { role: string; count: number; min: number }) =>
      p.count === 0
        ? `${nodeJa(p)}への進捗を測る KPI がありません。`
        : `${nodeJa(p)}への進捗を測る KPI が ${p.count} 個しかありません（${p.min} 個以上を想定）。`,
    "K1.tooFew.fix": (p: NodeRef) =>
      `達成できそうかを早めに示す KPI を「role: kpi」「parent: ${p.node}」で追加してください。`,
    "H1.stale": (p: NodeRef & { last: string; grain: string; factor: number }) =>
      `${nodeJa(p)}のデータは ${p.last} を最後に、${grainName(p.grain, "ja")}単位で ${p.factor} 期間以上更新されていません。更新されない KPI は形骸化しています。`,
    "H1.stale.fix": (p: { expected: string }) =>
      `${p.expected} までの実績を取り込むか（「shihyo import」など）、もう追っていないならプランから外してください。`,
    "H1.never": (p: NodeRef & Period & { grain: string; factor: number }) =>
      `${nodeJa(p)}は目標が ${p.period} から始まっているのに、実績データが一度も入っていません。形だけの KPI になっています。`,
    "H1.never.fix": (p: { expected: string }) =>
      `${p.expected} までの実績を取り込み、定期的に取り込む仕組みを作ってください。誰も測らないなら外してください。`,
    "H2.noReview": (p: NodeRef & Review) =>
      `${nodeJa(p)}は ${p.period} の始めから一度も振り返られていません（${p.last ? `前回 ${p.last}` : "振り返りの記録なし"}）。振り返りは${grainName(p.cycle, "ja")}ごとに行ってください。`,
    "H2.planNoReview": (p: Review) =>
      `プランは ${p.period} の始めから一度も振り返られていません（${p.last ? `前回 ${p.last}` : "振り返りの記録なし"}）。振り返りは${grainName(p.cycle, "ja")}ごとに行ってください。`,
    "H2.noReview.fix": (_: Review) =>
      `振り返りを行い、記録してください。実績と目標を比べ、変えることを決め、目標を修正する場合は理由も残します。`,
    "H3.noOwner": (p: NodeRef) =>
      `${nodeJa(p)}には担当者（owner）がいません。責任を持って動く人がいないと、悪化しても手が打たれません。`,
    "H3.noOwner.fix": (_: NodeRef) => `「owner:」に、この指標に責任を持って動く人かチームを書いてください。`,
    "lint.unknownRule": (p: Config & { suggestion: string | null }) =>
      `「${p.rule}」というルールはありません。` +
      (p.suggestion
        ? `「${p.suggestion}」の誤りではありませんか？`
        : `ルールは ${RULE_IDS.join("、")} です。`),
    "lint.badSetting": (p: Config) =>
      `${p.rule} の設定は「off」「error」「warning」「info」か、{ severity: warning } のようなオブジェクトにしてください。`,
    "lint.badSeverity": (p: Config & { value: string }) =>
      `「${p.value}」は重大度ではありません。off、error、warning、info のいずれかにしてください。`,
    "lint.unknownOption": (p: Config & { option: string; suggestion: string | null; accepted: string[] }) =>
      `${p.rule} には「${p.option}」というオプションはありません。` +
      (p.suggestion ? `「${p.suggestion}」の誤りではありませんか？` : "") +
      (p.accepted.length > 0
        ? `使えるオプション: ${p.accepted.join("、")}。`
        : `指定できるのは「severity」だけです。`),
    "lint.badOptionValue": (
      p: Config & {
        option: string;
        value: string;
        kind: "number" | "integer" | "grain";
        min: number | null;
        strict: boolean;
      },
    ) => {
      const expected =
        p.kind === "grain"
          ? "day、week、month、quarter、half、year のいずれか"
          : `${p.min === null ? "" : `${p.min} ${p.strict ? "より大きい" : "以上の"}`}${p.kind === "integer" ? "整数" : "数値"}`;
      return `${p.rule}.${p.option} は${expected}にしてください（指定値: ${p.value}）。`;
    },
    "lint.minAboveMax": (p: Config & { min: number; max: number }) =>
      `${p.rule}.min（${p.min}）は ${p.rule}.max（${p.max}）以下にしてください。`,
  },
});

export type LintMessages = typeof lintMessages.en;
export type LintMessageCode = keyof LintMessages;
export type ParamsOf<K extends LintMessageCode> = Parameters<LintMessages[K]>[0];

/** Renders a catalogue entry; the parameters were type-checked where the finding was made. */
export function renderLintMessage(code: LintMessageCode, params: object, lang: Lang): string {
  return (lintMessages[lang][code] as (p: object) => string)(params);
}

type Texts = Readonly<Record<Lang, string>>;

export interface RuleTexts {
  title: Texts;
  description: Texts;
  options: Readonly<Record<string, Texts>>;
}

/** Titles and descriptions of the rules, for docs and `shihyo check --rules`. */
export const ruleTexts: Readonly<Record<RuleId, RuleTexts>> = {
  S1: {
    title: { en: "Specific: definition and unit", ja: "具体的: 定義と単位" },
    description: {
      en: "Every KGI and KPI says what exactly is counted (definition) and in which unit. One finding per missing field.",
      ja: "KGI と KPI には、何を数えるか（定義）と単位が必要です。欠けている項目ごとに指摘します。",
    },
    options: {},
  },
  S2: {
    title: { en: "Specific: from → to", ja: "具体的: 現状 → 目標" },
    description: {
      en: 'A target not yet over is written with a baseline ("NPS 50 → 60") when the metric already has actuals before it. One finding per node, on its earliest such target.',
      ja: "実績のある指標の、まだ終わっていない目標は「50 → 60」のように出発点（baseline）付きで書きます。ノードごとに最も早い目標について指摘します。",
    },
    options: {},
  },
  M1: {
    title: { en: "Measurable: a source of data", ja: "測定可能: データの入手方法" },
    description: {
      en: "A KGI or KPI without a formula declares how its data are recorded (grain or aggregation) or already has data. Leaves that say nothing about their data are flagged.",
      ja: "計算式のない KGI・KPI は、記録方法（grain か aggregation）を指定するか、実績データを持つ必要があります。データについて何も書かれていない末端の指標を指摘します。",
    },
    options: {},
  },
  M2: {
    title: { en: "Measurable: no vague words", ja: "測定可能: 曖昧な言葉を避ける" },
    description: {
      en: "The name or definition uses a word that cannot be measured on its own (morale, happiness, engagement, やる気, 士気, 喜び, ...) and neither a formula nor a unit plus a measuring definition says how it is measured.",
      ja: "名前や定義に、そのままでは測れない言葉（士気、やる気、喜び、morale、engagement など）があり、計算式も、単位と測り方の分かる定義もない指標を指摘します。",
    },
    options: {},
  },
  A1: {
    title: { en: "Achievable: realistic target", ja: "達成可能: 現実的な目標" },
    description: {
      en: "A target not yet over is compared with the actual of the same period a year earlier, else of the period just before: more growth than the stretch limit may be unachievable (warning; targets marked basis: stretch are exempt); a target below that actual (above, for lower-is-better) may be too easy (info).",
      ja: "まだ終わっていない目標を、前年同期（なければ直前の期間）の実績と比べます。ストレッチ上限を超える伸びは達成困難のおそれ（warning、basis: stretch の目標は対象外）、実績を下回る目標（低いほど良い指標では上回る目標）は低すぎるおそれ（info）として指摘します。",
    },
    options: {
      stretch: {
        en: "Largest growth (or, for lower-is-better, reduction) accepted as realistic: 0.5 = +50 %.",
        ja: "現実的とみなす伸び（低いほど良い指標では削減）の上限。0.5 = +50%。",
      },
    },
  },
  A2: {
    title: { en: "Achievable: streaks of misses or easy wins", ja: "達成可能: 連続未達・連続大幅超過" },
    description: {
      en: "Missing the target in each of the last completed periods of the cadence suggests revising it (warning); beating it by more than the margin in each suggests it is too easy (info).",
      ja: "直近の完了した期間すべてで目標未達なら見直しを（warning）、すべてで大幅に上回っていれば目標が低すぎる可能性を（info）指摘します。",
    },
    options: {
      periods: { en: "How many consecutive completed periods count.", ja: "連続とみなす完了期間の数。" },
      beat: {
        en: "Margin over the target that counts as beating it: 0.2 = 20 %.",
        ja: "大幅超過とみなす目標からの上振れ幅。0.2 = 20%。",
      },
    },
  },
  R1: {
    title: { en: "Relevant: leads to a KGI", ja: "関連性: KGI につながる" },
    description: {
      en: "Every KPI reaches a KGI through its parents or through the formulas that use it.",
      ja: "すべての KPI は、親か、その KPI を使う計算式を通じて KGI につながっている必要があります。",
    },
    options: {},
  },
  R2: {
    title: { en: "Relevant: the tree adds up", ja: "関連性: ツリーの整合性" },
    description: {
      en: "The target of a computed node equals what its inputs' targets imply, within the threshold (SEMANTICS §5). The fix names the value that closes the gap.",
      ja: "計算式を持つノードの目標が、入力の目標から計算される値と（しきい値の範囲で）一致することを確認します。差を埋める値も示します。",
    },
    options: {
      threshold: {
        en: "Largest accepted gap as a share of the target: 0.01 = 1 %.",
        ja: "許容する差（目標に対する割合）。0.01 = 1%。",
      },
    },
  },
  T1: {
    title: { en: "Time-bound: cadence and current target", ja: "期限: 周期と今期の目標" },
    description: {
      en: "Every KGI and KPI declares its cadence and has a target (set or derived) for the current period of that cadence. Before a plan starts, the first period of the plan counts as current.",
      ja: "KGI と KPI には周期（cadence）と、その周期での今期の目標（設定または計算）が必要です。プラン開始前は、プランの最初の期間を今期とみなします。",
    },
    options: {},
  },
  T2: {
    title: { en: "Time-bound: KPI finer than KGI", ja: "期限: KPI は KGI より短い周期" },
    description: {
      en: "A KPI's cadence is not coarser than the cadence of the KGI it serves.",
      ja: "KPI の周期が、支える KGI の周期より長くないことを確認します。",
    },
    options: {},
  },
  K1: {
    title: { en: "Keep it simple: 3–5 KPIs", ja: "シンプルに: KPI は 3〜5 個" },
    description: {
      en: "More than max KPIs directly under one KGI or KSF, or owned by one person, is too many (warning). A KGI or KSF that fewer than min KPIs lead to gets an info.",
      ja: "一つの KGI・KSF の直下、または一人の担当者の KPI が上限を超えると指摘します（warning）。つながる KPI が下限未満の KGI・KSF も知らせます（info）。",
    },
    options: {
      max: { en: "Most KPIs under one node or owner.", ja: "一つのノード・担当者あたりの KPI の上限。" },
      min: {
        en: "Fewest KPIs a KGI or KSF should have leading to it.",
        ja: "KGI・KSF につながる KPI の下限。",
      },
    },
  },
  H1: {
    title: { en: "Healthy: fresh data", ja: "健全性: データの鮮度" },
    description: {
      en: "A measured node whose latest actual is more than factor whole periods of its grain old, or that has never had data although its first target period has started (形骸化).",
      ja: "最新の実績が記録単位で factor 期間以上前の指標や、目標期間が始まっているのに実績が一度もない指標を指摘します（形骸化）。",
    },
    options: {
      factor: {
        en: "Whole grain periods without data that make a node stale.",
        ja: "データがないと古いとみなす記録単位の期間数。",
      },
    },
  },
  H2: {
    title: { en: "Healthy: regular reviews", ja: "健全性: 定期的な振り返り" },
    description: {
      en: "Each KGI (or the plan, without KGIs) has a review recorded since the start of the last completed review cycle. A review of the plan, the KGI or any node leading to it counts. Runs only where reviews are recorded (the server).",
      ja: "各 KGI（KGI がなければプラン）について、直近の完了した振り返り周期の開始以降に振り返りが記録されていることを確認します。プラン全体・KGI・そこにつながるノードの振り返りが対象です。振り返りを記録するサーバーでのみ動きます。",
    },
    options: {
      cycle: { en: "Review cycle: a grain (monthly by default).", ja: "振り返りの周期（既定は月次）。" },
    },
  },
  H3: {
    title: { en: "Healthy: an owner", ja: "健全性: 担当者" },
    description: {
      en: "Every KGI and KPI has an owner.",
      ja: "すべての KGI と KPI に担当者（owner）が必要です。",
    },
    options: {},
  },
};
