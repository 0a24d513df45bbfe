import { grainName } from "../i18n/grainNames.js";
import { defineMessages } from "../i18n/messages.js";

type Id = { id: string };
type Suggest = { id: string; suggestion: string | null };

const didYouMeanEn = (s: string | null) => (s ? ` Did you mean "${s}"?` : "");
const didYouMeanJa = (s: string | null) => (s ? `「${s}」の誤りではありませんか？` : "");

export const modelMessages = defineMessages({
  en: {
    "plan.duplicateId": ({ id }: Id) => `The id "${id}" is used by more than one node; ids must be unique.`,
    "plan.reservedId": ({ id }: Id) =>
      `"${id}" is the name of a formula function and cannot be a node id; choose another, e.g. "${id}_value".`,
    "plan.badId": ({ id }: Id) =>
      `"${id}" is not a valid id: use lower snake case (a letter, then letters, digits or _), e.g. "win_rate".`,
    "plan.unknownParent": ({ id, suggestion }: Suggest) =>
      `The parent "${id}" is not a node of this plan.${didYouMeanEn(suggestion)}`,
    "plan.selfParent": ({ id }: Id) => `The node "${id}" cannot be its own parent.`,
    "plan.parentCycle": ({ cycle }: { cycle: string }) => `The parents form a loop: ${cycle}.`,
    "plan.unknownReference": ({ id, suggestion }: Suggest) =>
      `The formula refers to "${id}", which is not a node of this plan.${didYouMeanEn(suggestion)}`,
    "plan.referenceToKsf": ({ id }: Id) =>
      `The formula refers to "${id}", a KSF: KSFs have no numbers. Refer to a KGI or KPI instead.`,
    "plan.formulaCycle": ({ cycle }: { cycle: string }) =>
      `The formulas refer to each other in a circle: ${cycle}.`,
    "plan.ksfNumbers": ({ field }: { field: string }) =>
      `A KSF is a qualitative success factor and has no numbers: remove "${field}" or make the node a KPI.`,
    "plan.weightMissing": () =>
      `"weighted_average" needs "weight": the id of the node whose values weigh this one.`,
    "plan.weightGrain": ({ id, grain, expected }: { id: string; grain: string; expected: string }) =>
      `The weight "${id}" is recorded per ${grainName(grain, "en")}, this node per ${grainName(expected, "en")}: record both at the same grain so every value has its weight.`,
    "plan.weightUnused": () => `"weight" is only used with aggregation "weighted_average".`,
    "plan.unknownWeight": ({ id, suggestion }: Suggest) =>
      `The weight "${id}" is not a numeric node of this plan.${didYouMeanEn(suggestion)}`,
    "plan.grainCoarserThanCadence": ({ grain, cadence }: { grain: string; cadence: string }) =>
      `Data recorded per ${grainName(grain, "en")} cannot check targets set per ${grainName(cadence, "en")}: the grain must be as fine as the cadence or finer.`,
    "plan.rangeMissing": () => `Direction "range" needs "range: [min, max]".`,
    "plan.rangeOrder": ({ min, max }: { min: number; max: number }) =>
      `The range [${min}, ${max}] is empty: min must not be greater than max.`,
    "plan.rangeWithoutDirection": () => `"range" is only used with direction "range".`,
    "plan.badTargetPeriod": ({ text, reason }: { text: string; reason: string }) =>
      `The target period "${text}" is not valid: ${reason}`,
    "plan.targetGrain": ({ period, grain, cadence }: { period: string; grain: string; cadence: string }) =>
      `The target for ${period} is set per ${grainName(grain, "en")}, but the node's cadence is ${grainName(cadence, "en")}. Set targets per ${grainName(cadence, "en")}, or change the cadence.`,
    "plan.mixedTargetGrains": ({ grains }: { grains: string }) =>
      `Targets are set at different grains (${grains}); set "cadence" and use one grain.`,
    "plan.badNumber": ({ field }: { field: string }) => `"${field}" must be a finite number.`,
    "plan.negativeTolerance": () => `"tolerance" must be zero or more (0.1 means 10 %).`,
    "plan.formulaError": ({ detail }: { detail: string }) => `Formula error: ${detail}`,
    "data.unknownNode": ({ id, suggestion }: Suggest) =>
      `"${id}" is not a node of this plan.${didYouMeanEn(suggestion)}`,
    "data.notNumeric": ({ id }: Id) => `"${id}" is a KSF and takes no data.`,
    "data.computedOnly": ({ id }: Id) =>
      `"${id}" is computed by a formula and takes no data of its own; give it "grain" or "aggregation" to record actuals too.`,
    "data.badPeriod": ({ text, reason }: { text: string; reason: string }) =>
      `The period "${text}" is not valid: ${reason}`,
    "data.periodGrain": ({ period, grain, expected }: { period: string; grain: string; expected: string }) =>
      `"${period}" is a ${grainName(grain, "en")}, but this node records data per ${grainName(expected, "en")}.`,
    "data.notFinite": () => `The value must be a finite number.`,
  },
  ja: {
    "plan.duplicateId": ({ id }: Id) => `ID「${id}」が複数のノードで使われています。IDは一意にしてください。`,
    "plan.reservedId": ({ id }: Id) =>
      `「${id}」は計算式の関数名のため、ノードIDには使えません。別の名前（例: ${id}_value）にしてください。`,
    "plan.badId": ({ id }: Id) =>
      `「${id}」はIDとして使えません。英小文字で始まり、英小文字・数字・_ だけを使ってください（例: win_rate）。`,
    "plan.unknownParent": ({ id, suggestion }: Suggest) =>
      `親「${id}」はこのプランにありません。${didYouMeanJa(suggestion)}`,
    "plan.selfParent": ({ id }: Id) => `ノード「${id}」を自分自身の親にはできません。`,
    "plan.parentCycle": ({ cycle }: { cycle: string }) => `親子関係が循環しています: ${cycle}`,
    "plan.unknownReference": ({ id, suggestion }: Suggest) =>
      `計算式が参照する「${id}」はこのプランにありません。${didYouMeanJa(suggestion)}`,
    "plan.referenceToKsf": ({ id }: Id) =>
      `計算式が参照する「${id}」はKSFです。KSFは数値を持たないため、KGIかKPIを参照してください。`,
    "plan.formulaCycle": ({ cycle }: { cycle: string }) =>
      `計算式が互いに参照し合って循環しています: ${cycle}`,
    "plan.ksfNumbers": ({ field }: { field: string }) =>
      `KSFは定性的な成功要因で、数値を持ちません。「${field}」を削除するか、ノードをKPIにしてください。`,
    "plan.weightMissing": () =>
      `「weighted_average」には、重みとなるノードのIDを「weight」に指定してください。`,
    "plan.weightGrain": ({ id, grain, expected }: { id: string; grain: string; expected: string }) =>
      `重み「${id}」は${grainName(grain, "ja")}単位、このノードは${grainName(expected, "ja")}単位で記録されています。すべての値に重みが対応するよう、同じ単位で記録してください。`,
    "plan.weightUnused": () => `「weight」は集計方法が「weighted_average」のときだけ使います。`,
    "plan.unknownWeight": ({ id, suggestion }: Suggest) =>
      `重み「${id}」は、このプランの数値ノードではありません。${didYouMeanJa(suggestion)}`,
    "plan.grainCoarserThanCadence": ({ grain, cadence }: { grain: string; cadence: string }) =>
      `データの記録単位（${grainName(grain, "ja")}）が目標の単位（${grainName(cadence, "ja")}）より粗いため、目標を判定できません。記録単位は目標の単位と同じか、より細かくしてください。`,
    "plan.rangeMissing": () => `方向「range」には「range: [下限, 上限]」が必要です。`,
    "plan.rangeOrder": ({ min, max }: { min: number; max: number }) =>
      `範囲 [${min}, ${max}] は空です。下限は上限以下にしてください。`,
    "plan.rangeWithoutDirection": () => `「range」は方向が「range」のときだけ使います。`,
    "plan.badTargetPeriod": ({ text, reason }: { text: string; reason: string }) =>
      `目標の期間「${text}」が正しくありません: ${reason}`,
    "plan.targetGrain": ({ period, grain, cadence }: { period: string; grain: string; cadence: string }) =>
      `${period} の目標は ${grainName(grain, "ja")} 単位ですが、このノードの目標サイクルは ${grainName(cadence, "ja")} です。目標を ${grainName(cadence, "ja")} 単位で設定するか、サイクルを変更してください。`,
    "plan.mixedTargetGrains": ({ grains }: { grains: string }) =>
      `目標が異なる単位（${grains}）で設定されています。「cadence」を指定し、単位を揃えてください。`,
    "plan.badNumber": ({ field }: { field: string }) => `「${field}」は有限の数値にしてください。`,
    "plan.negativeTolerance": () => `「tolerance」は0以上にしてください（0.1 は 10 %）。`,
    "plan.formulaError": ({ detail }: { detail: string }) => `計算式のエラー: ${detail}`,
    "data.unknownNode": ({ id, suggestion }: Suggest) =>
      `「${id}」はこのプランのノードではありません。${didYouMeanJa(suggestion)}`,
    "data.notNumeric": ({ id }: Id) => `「${id}」はKSFのため、データを持てません。`,
    "data.computedOnly": ({ id }: Id) =>
      `「${id}」は計算式で求めるノードのため、実績データを持てません。実績も記録する場合は「grain」か「aggregation」を指定してください。`,
    "data.badPeriod": ({ text, reason }: { text: string; reason: string }) =>
      `期間「${text}」が正しくありません: ${reason}`,
    "data.periodGrain": ({ period, grain, expected }: { period: string; grain: string; expected: string }) =>
      `「${period}」は ${grainName(grain, "ja")} 単位ですが、このノードのデータは ${grainName(expected, "ja")} 単位で記録します。`,
    "data.notFinite": () => `値は有限の数値にしてください。`,
  },
});
