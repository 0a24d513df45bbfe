import { defineMessages } from "../i18n/messages.js";

type Id = { id: string };

export const analyzeMessages = defineMessages({
  en: {
    "solve.unknownNode": ({ id, suggestion }: { id: string; suggestion: string | null }) =>
      `"${id}" is not a node of this plan.${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
    "solve.notComputed": ({ id }: Id) => `"${id}" has no formula, so nothing can be solved for it.`,
    "solve.notAnInput": ({ node, input }: { node: string; input: string }) =>
      `"${input}" is not an input of "${node}" (directly or through other formulas).`,
    "solve.noTarget": ({ id, period }: { id: string; period: string }) =>
      `"${id}" has no target for ${period}.`,
    "solve.inputWithoutTarget": ({ id, period }: { id: string; period: string }) =>
      `"${id}" has no target for ${period}; set one so that it can be held while solving.`,
    "solve.noSolution": () => `No value of the lever makes the formula meet the target.`,
    "solve.several": ({ count }: { count: number | string }) =>
      `More than one value meets the target (${count}); the one closest to the current target is shown.`,
    "solve.plateau": () =>
      `A whole range of values meets the target; the formula does not pin down one answer.`,
  },
  ja: {
    "solve.unknownNode": ({ id, suggestion }: { id: string; suggestion: string | null }) =>
      `「${id}」はこのプランのノードではありません。${suggestion ? `「${suggestion}」の誤りではありませんか？` : ""}`,
    "solve.notComputed": ({ id }: Id) => `「${id}」には計算式がないため、逆算できません。`,
    "solve.notAnInput": ({ node, input }: { node: string; input: string }) =>
      `「${input}」は「${node}」の計算式の入力ではありません（他の計算式を経由しても到達しません）。`,
    "solve.noTarget": ({ id, period }: { id: string; period: string }) =>
      `「${id}」には ${period} の目標がありません。`,
    "solve.inputWithoutTarget": ({ id, period }: { id: string; period: string }) =>
      `「${id}」に ${period} の目標がありません。逆算の間は固定値として使うため、目標を設定してください。`,
    "solve.noSolution": () => `目標を満たすレバーの値は見つかりませんでした。`,
    "solve.several": ({ count }: { count: number | string }) =>
      `目標を満たす値が複数あります（${count}）。現在の目標に最も近い値を表示しています。`,
    "solve.plateau": () => `ある範囲のどの値でも目標を満たすため、値を一つに決められません。`,
  },
});
