import { defineMessages } from "@shihyo/engine";
import { AppErrorCode } from "./appError.js";

type Texts = Record<AppErrorCode, { title: string; detail: string }>;

const en: Texts = {
  [AppErrorCode.BadRequest]: { title: "Bad request", detail: "The request could not be read." },
  [AppErrorCode.ValidationFailed]: {
    title: "Invalid request",
    detail: "Some fields of the request are missing or invalid; see errors.",
  },
  [AppErrorCode.Unauthenticated]: {
    title: "Sign-in required",
    detail: "Sign in, or send an API token as Authorization: Bearer shy_….",
  },
  [AppErrorCode.InvalidCredentials]: {
    title: "Wrong email or password",
    detail: "The email address or the password is not right.",
  },
  [AppErrorCode.Forbidden]: { title: "Not allowed", detail: "Your role does not allow this." },
  [AppErrorCode.CsrfFailed]: {
    title: "Missing CSRF token",
    detail: "Changes made with a session cookie need the session's token in the X-CSRF-Token header.",
  },
  [AppErrorCode.NotFound]: { title: "Not found", detail: "There is nothing here." },
  [AppErrorCode.Conflict]: { title: "Conflict", detail: "This already exists." },
  [AppErrorCode.StaleVersion]: {
    title: "Changed by someone else",
    detail: "The version in If-Match is not the current one; reload and try again.",
  },
  [AppErrorCode.PayloadTooLarge]: { title: "Too large", detail: "The request is too large." },
  [AppErrorCode.UnsupportedMediaType]: {
    title: "Unsupported media type",
    detail: "This content type is not accepted here.",
  },
  [AppErrorCode.InvalidPlanFile]: {
    title: "Invalid KPI file",
    detail: "The KPI file has errors; each is listed with its line, column and path.",
  },
  [AppErrorCode.InvalidData]: {
    title: "Invalid data",
    detail: "Some rows are invalid; nothing was imported. Each bad row is listed.",
  },
  [AppErrorCode.InvalidTarget]: { title: "Invalid target", detail: "The target does not fit the plan." },
  [AppErrorCode.Unprocessable]: { title: "Cannot do this", detail: "The request cannot be carried out." },
  [AppErrorCode.PreconditionRequired]: {
    title: "If-Match required",
    detail: "Send the version you edited in an If-Match header (the ETag you received).",
  },
  [AppErrorCode.RateLimited]: {
    title: "Too many attempts",
    detail: "Too many sign-in attempts; wait a while and try again.",
  },
  [AppErrorCode.Unavailable]: { title: "Unavailable", detail: "The database cannot be reached." },
  [AppErrorCode.Internal]: {
    title: "Internal error",
    detail: "Something went wrong on the server; it has been logged.",
  },
};

const ja: Texts = {
  [AppErrorCode.BadRequest]: { title: "不正なリクエスト", detail: "リクエストを読み取れませんでした。" },
  [AppErrorCode.ValidationFailed]: {
    title: "リクエストの内容が不正です",
    detail: "リクエストの項目に不足か誤りがあります。errors を確認してください。",
  },
  [AppErrorCode.Unauthenticated]: {
    title: "サインインが必要です",
    detail: "サインインするか、Authorization: Bearer shy_… で API トークンを送ってください。",
  },
  [AppErrorCode.InvalidCredentials]: {
    title: "メールアドレスまたはパスワードが違います",
    detail: "メールアドレスかパスワードが正しくありません。",
  },
  [AppErrorCode.Forbidden]: { title: "権限がありません", detail: "あなたのロールではこの操作はできません。" },
  [AppErrorCode.CsrfFailed]: {
    title: "CSRF トークンがありません",
    detail: "セッション Cookie での変更には、X-CSRF-Token ヘッダーにセッションのトークンが必要です。",
  },
  [AppErrorCode.NotFound]: { title: "見つかりません", detail: "ここには何もありません。" },
  [AppErrorCode.Conflict]: { title: "競合しています", detail: "既に存在します。" },
  [AppErrorCode.StaleVersion]: {
    title: "他の人が変更しました",
    detail: "If-Match の版が最新ではありません。読み込み直してからやり直してください。",
  },
  [AppErrorCode.PayloadTooLarge]: { title: "大きすぎます", detail: "リクエストが大きすぎます。" },
  [AppErrorCode.UnsupportedMediaType]: {
    title: "対応していない形式です",
    detail: "この Content-Type はここでは受け付けません。",
  },
  [AppErrorCode.InvalidPlanFile]: {
    title: "KPI ファイルに誤りがあります",
    detail: "KPI ファイルに誤りがあります。それぞれ行・列・パス付きで示します。",
  },
  [AppErrorCode.InvalidData]: {
    title: "データに誤りがあります",
    detail: "誤った行があるため、何も取り込んでいません。誤った行をすべて示します。",
  },
  [AppErrorCode.InvalidTarget]: { title: "目標が不正です", detail: "この目標は計画に合いません。" },
  [AppErrorCode.Unprocessable]: { title: "実行できません", detail: "このリクエストは実行できません。" },
  [AppErrorCode.PreconditionRequired]: {
    title: "If-Match が必要です",
    detail: "編集した版を If-Match ヘッダー（受け取った ETag）で送ってください。",
  },
  [AppErrorCode.RateLimited]: {
    title: "試行回数が多すぎます",
    detail: "サインインの試行が多すぎます。しばらく待ってからやり直してください。",
  },
  [AppErrorCode.Unavailable]: { title: "利用できません", detail: "データベースに接続できません。" },
  [AppErrorCode.Internal]: {
    title: "内部エラー",
    detail: "サーバーで問題が起きました。記録済みです。",
  },
};

/** Titles and default details of every problem, in Japanese and English. */
export const problemMessages = { en, ja };

/** Sentences the server builds around engine and store messages. */
export const serverMessages = defineMessages({
  en: {
    requiredParameter: (p: { name: string }) => `"${p.name}" is required.`,
    unknownNode: (p: { id: string }) => `The plan has no node "${p.id}".`,
    tooManyRows: (p: { max: number; count: number }) =>
      `${p.count} rows is more than the ${p.max} one request may carry; split the import.`,
    badDate: (p: { value: string }) => `"${p.value}" is not a date (YYYY-MM-DD).`,
    notMeasured: (p: { id: string }) => `"${p.id}" is computed by its formula and takes no data of its own.`,
    notNumeric: (p: { id: string }) => `"${p.id}" has no numbers (a KSF); it takes no data.`,
    wrongGrain: (p: { period: string; node: string; grain: string }) =>
      `"${p.period}" is not a period at ${p.node}'s grain (${p.grain}).`,
    duplicateRow: (p: { first: number }) =>
      `The same node, period and segment already came in rows[${p.first}].`,
    notFinite: () => "The value must be a finite number.",
    roleTooHigh: (p: { role: string }) => `You cannot give the role "${p.role}", which is above your own.`,
    memberAbove: () => "You cannot change a member whose role is above your own.",
    scopeMissing: (p: { scope: string }) =>
      `This API token's scopes do not include "${p.scope}", which this request needs; create a token with that scope.`,
    needsPassword: () => "A new user needs a password (at least 8 characters).",
  },
  ja: {
    requiredParameter: (p: { name: string }) => `「${p.name}」を指定してください。`,
    unknownNode: (p: { id: string }) => `計画にノード「${p.id}」はありません。`,
    tooManyRows: (p: { max: number; count: number }) =>
      `${p.count} 行は 1 回のリクエストの上限 ${p.max} 行を超えています。分けて取り込んでください。`,
    badDate: (p: { value: string }) => `「${p.value}」は日付（YYYY-MM-DD）ではありません。`,
    notMeasured: (p: { id: string }) => `「${p.id}」は計算式で求めるノードで、実績を直接持てません。`,
    notNumeric: (p: { id: string }) => `「${p.id}」は数値を持たないノード（KSF）で、実績を持てません。`,
    wrongGrain: (p: { period: string; node: string; grain: string }) =>
      `「${p.period}」は ${p.node} の粒度（${p.grain}）の期間ではありません。`,
    duplicateRow: (p: { first: number }) =>
      `同じノード・期間・セグメントが rows[${p.first}] に既にあります。`,
    notFinite: () => "値は有限の数にしてください。",
    roleTooHigh: (p: { role: string }) => `自分より上のロール「${p.role}」は付与できません。`,
    memberAbove: () => "自分より上のロールのメンバーは変更できません。",
    scopeMissing: (p: { scope: string }) =>
      `この API トークンのスコープに、この操作に必要な「${p.scope}」が含まれていません。そのスコープを持つトークンを作成してください。`,
    needsPassword: () => "新しいユーザーにはパスワード（8 文字以上）が必要です。",
  },
});
