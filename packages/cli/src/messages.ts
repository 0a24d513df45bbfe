/**
 * The CLI's own texts in Japanese and English. Kept free of engine imports so that
 * `--help` and `--version` start instantly.
 */
export type Lang = "ja" | "en";

const en = {
  usage: () => `Usage: shihyo <command> [options]

Commands:
  init [--template NAME] [DIR]       write a starter KPI file (marketing, sales, customer-success, product, saas)
  check FILE [--json] [--as-of DATE] [--data CSV…]
                                     validate the file and run the SMART/consistency linter
  tree FILE [--period P] [--as-of DATE] [--data CSV…]
                                     print the KPI tree with values, targets and status
  eval FILE --period P [--as-of DATE] [--data CSV…] [--segment S] [--json]
                                     actual, target, progress, forecast and status for every node
  solve FILE --node ID --for X --period P [--json]
                                     back-calculate X's target so that ID meets its target
  sensitivity FILE --node ID --period P [--data CSV…] [--basis actual|forecast|target] [--json]
                                     rank the levers of ID
  explain FILE --node ID --period P [--as-of DATE] [--data CSV…] [--json]
                                     show how a node's numbers were computed
  demo-data FILE --from DATE [--to DATE] [--seed N]
                                     print generated actuals (CSV) to try a plan without real data
  serve [--db DIR|URL] [--port N] [--demo]
                                     run the HTTP API (embedded database by default, or PostgreSQL)
  import FILE… / export --plan ID    move KPI files and data to and from a server (--server, --token) or a database (--db)
  admin create-token|create-user     administration for scripts (--db, --role, --org, --email)

Common options: --lang ja|en, --help, --version
Run "shihyo <command> --help" for details.`,
  initHelp: () => `Usage: shihyo init [--template NAME] [--force] [DIR]

Writes DIR/shihyo.yaml (DIR defaults to the current directory) from a department template:
marketing, sales, customer-success, product, or saas (the full tree; default).
An existing file is never overwritten unless --force is given.`,
  checkHelp: () => `Usage: shihyo check FILE [--json] [--as-of DATE] [--data CSV…] [--rules]

Validates the KPI file and runs the linter (SMART, consistency, health). Data files
(CSV or XLSX) give the history the achievability and staleness rules need.
Exit code: 0 no errors, 1 findings at error severity, 2 the file or a data file is invalid.
--rules lists every linter rule with its default severity and options.`,
  treeHelp: () => `Usage: shihyo tree FILE [--period P] [--as-of DATE] [--data CSV…] [--segment S] [--json]

Prints the tree (KGI → KSF → KPI) with actual, target, progress and status for the period
(default: the fiscal quarter containing the as-of day; as-of defaults to today in the plan's time zone).
--json prints the same numbers as "eval --json", nested as the tree.`,
  evalHelp: () => `Usage: shihyo eval FILE --period P [--as-of DATE] [--data CSV…] [--segment S] [--json]

Evaluates every numeric node for the period: actual, target (set or derived), progress,
expected to date, forecast with its method, and status.`,
  solveHelp:
    () => `Usage: shihyo solve FILE --node ID --for X --period P [--shape last-year] [--data CSV…] [--json]

Back-calculates (逆算) the target of X so that ID meets its target for P, every other input
held at its target. A lever with a finer cadence also gets its answer split per sub-period:
evenly, or with --shape last-year in proportion to last year's actuals.`,
  sensitivityHelp:
    () => `Usage: shihyo sensitivity FILE --node ID --period P [--as-of DATE] [--data CSV…] [--basis actual|forecast|target] [--json]

Ranks the leaf inputs of ID by the impact of raising each by 10 %, with elasticities and the
value each lever alone would need for ID to meet its target.`,
  explainHelp:
    () => `Usage: shihyo explain FILE --node ID --period P [--as-of DATE] [--data CSV…] [--segment S] [--json]

Shows how a node's actual, target and forecast were computed: data rolled up, formula and inputs.`,
  demoDataHelp: () => `Usage: shihyo demo-data FILE --from DATE [--to DATE] [--seed N] > data.csv

Prints generated actuals near the plan's targets (some nodes ahead, some behind) as a long
CSV, to try Shihyo without real data. --to defaults to today; the same seed gives the same data.`,
  demoDataWritten: ({ rows, from, to }: { rows: number; from: string; to: string }) =>
    `Generated ${rows} rows from ${from} to ${to}.`,
  unknownCommand: ({ command, suggestion }: { command: string; suggestion: string | null }) =>
    `Unknown command "${command}".${suggestion ? ` Did you mean "${suggestion}"?` : ""} Run "shihyo --help".`,
  badOption: ({ detail }: { detail: string }) => `Invalid option: ${detail}. Run "shihyo <command> --help".`,
  unknownOption: ({ option, suggestion }: { option: string; suggestion: string | null }) =>
    `Unknown option ${option}.${suggestion ? ` Did you mean ${suggestion}?` : ""} Run "shihyo <command> --help".`,
  optionNeedsValue: ({ option }: { option: string }) =>
    `The option ${option} needs a value, e.g. ${option} VALUE (write ${option}=-VALUE for a value starting with "-").`,
  optionTakesNoValue: ({ option }: { option: string }) => `The option ${option} takes no value.`,
  badSeed: ({ value }: { value: string }) => `--seed must be a whole number, not "${value}".`,
  badBasis: ({ value }: { value: string }) => `--basis must be actual, forecast or target, not "${value}".`,
  badShape: ({ value }: { value: string }) => `--shape must be "even" or "last-year", not "${value}".`,
  badRange: ({ from, to }: { from: string; to: string }) =>
    `--from ${from} is after --to ${to}; give a start on or before the end.`,
  readReason: ({ code }: { code: string }) =>
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "it is a directory"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code,
  serveHelp: () => `Usage: shihyo serve [--db DIR|postgres://…] [--port N] [--host H] [--demo]

Runs the HTTP API on one port (default 127.0.0.1:3000; SHIHYO_PORT, SHIHYO_HOST). --db is a
directory for the embedded database (default ./.shihyo) or a PostgreSQL URL
(also SHIHYO_DATABASE_URL). --demo seeds an empty database with a demo organisation, the saas
plan, a year of generated actuals and an owner, and prints the login.
The API is described at /api/openapi.json and browsable at /api/docs.`,
  adminHelp: () => `Usage: shihyo admin create-token --db URL --role ROLE [--org SLUG] [--name N]
       shihyo admin create-user --db URL --email E --role ROLE [--org SLUG] [--name N] < password

create-token prints a new API token (and nothing else) on stdout. create-user reads the
password from standard input. Roles: owner, admin, editor, viewer. Without --org, the only
organisation is used (a "default" one is created on an empty database).`,
  importHelp: () => `Usage: shihyo import FILE… [--plan ID] (--server URL --token T | --db URL [--org SLUG])

KPI files (.yaml, .yml, .json) become plans (their ids are printed); data files (.csv, .xlsx)
go into --plan (or the plan imported just before them), all-or-nothing per file.`,
  exportHelp:
    () => `Usage: shihyo export --plan ID [--out FILE] (--server URL --token T | --db URL [--org SLUG])

Writes the plan's KPI file (YAML) to stdout or FILE: import it again and it is the same plan.`,
  badPort: ({ value }: { value: string }) => `--port must be a whole number from 0 to 65535, not "${value}".`,
  listening: ({ url }: { url: string }) => `Shihyo is listening on ${url} (API docs: ${url}/api/docs)`,
  cannotListen: ({ port, reason }: { port: number; reason: string }) =>
    `Cannot listen on port ${port}: ${reason}`,
  demoSeeded: ({ email, password }: { email: string; password: string }) =>
    `Demo organisation created. Sign in with\n  Email:    ${email}\n  Password: ${password}`,
  demoSkipped: () => `The database already has an organisation; --demo seeds only an empty one.`,
  unknownSubcommand: ({ name, names }: { name: string; names: string }) =>
    `Unknown admin command "${name}". Use one of: ${names}.`,
  badRole: ({ value, roles }: { value: string; roles: string }) =>
    `"${value}" is not a role; use one of: ${roles}.`,
  badEmail: ({ value }: { value: string }) => `"${value}" is not an e-mail address.`,
  shortPassword: () => `Give a password of at least 8 characters on standard input.`,
  userCreated: ({ email, org, role }: { email: string; org: string; role: string }) =>
    `Created ${email} as ${role} of "${org}".`,
  unknownOrganization: ({ slug }: { slug: string }) => `There is no organisation "${slug}".`,
  noOrganization: () =>
    `The database has no organisation yet; create a user first (shihyo admin create-user).`,
  severalOrganizations: ({ slugs }: { slugs: string }) =>
    `There are several organisations (${slugs}); choose one with --org.`,
  planImported: ({ file, id }: { file: string; id: string }) => `${file}: imported as plan ${id}.`,
  dataImported: ({
    file,
    inserted,
    updated,
    unchanged,
  }: {
    file: string;
    inserted: number;
    updated: number;
    unchanged: number;
  }) => `${file}: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged.`,
  planExported: ({ file }: { file: string }) => `Wrote ${file}.`,
  planNotFound: ({ id }: { id: string }) => `There is no plan "${id}" in this organisation.`,
  serverUnreachable: ({ url, reason }: { url: string; reason: string }) => `Cannot reach ${url}: ${reason}`,
  serverRefused: ({ status, detail }: { status: number; detail: string }) =>
    `The server answered ${status}: ${detail}`,
  noSuchFile: () => `no such file`,
  missingFile: () => `Give the KPI file to read, e.g. "shihyo check plan.yaml".`,
  missingOption: ({ option }: { option: string }) => `The option --${option} is required.`,
  badLang: ({ value }: { value: string }) => `--lang must be "ja" or "en", not "${value}".`,
  badDate: ({ value }: { value: string }) =>
    `"${value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-15.`,
  cannotRead: ({ file, reason }: { file: string; reason: string }) => `Cannot read ${file}: ${reason}`,
  unknownTemplate: ({ name, names }: { name: string; names: string }) =>
    `There is no template "${name}". Templates: ${names}.`,
  fileExists: ({ file }: { file: string }) => `${file} already exists; use --force to overwrite it.`,
  wrote: ({ file, template }: { file: string; template: string }) =>
    `Wrote ${file} from the "${template}" template. Next: shihyo check ${file}`,
  internalError: ({ detail }: { detail: string }) =>
    `Internal error: ${detail}\nThis is a bug in Shihyo; run again with SHIHYO_DEBUG=1 and report the output.`,
  fileInvalid: ({ count }: { count: number }) => `The file has ${count} error(s); nothing was evaluated.`,
  dataInvalid: ({ count }: { count: number }) => `The data has ${count} bad row(s); nothing was read.`,
  noFindings: () => `No findings.`,
  checkSummary: ({ errors, warnings, infos }: { errors: number; warnings: number; infos: number }) =>
    `${errors} error(s), ${warnings} warning(s), ${infos} info`,
  consistencyHeading: () => `Consistency (do the KPI targets deliver the KGI targets?)`,
  consistencySummary: ({ ok, all }: { ok: number; all: number }) => `${ok} of ${all} targets add up.`,
  period: () => `period`,
  implied: () => `implied`,
  gap: () => `gap`,
  consistent: () => `adds up`,
  inconsistent: () => `does not add up`,
  fix: () => `fix`,
  treeHeading: ({ name, period, asOf }: { name: string; period: string; asOf: string }) =>
    `${name} — ${period} (as of ${asOf})`,
  actual: () => `actual`,
  target: () => `target`,
  derived: () => `derived`,
  progress: () => `progress`,
  forecast: () => `forecast`,
  status: () => `status`,
  expected: () => `expected`,
  node: () => `node`,
  solved: ({ lever, period, value }: { lever: string; period: string; value: string }) =>
    `${lever} needs a target of ${value} for ${period}`,
  solvedUnique: () => `(the only solution)`,
  perPeriod: () => `split over the lever's cadence:`,
  noLastYearShape: ({ lever, period }: { lever: string; period: string }) =>
    `${lever} has no actuals for every sub-period of ${period} a year earlier; the answer is split evenly.`,
  noSolution: () => `No value of the lever meets the target.`,
  sensitivityHeading: ({
    node,
    period,
    value,
    target,
  }: {
    node: string;
    period: string;
    value: string;
    target: string;
  }) => `Levers of ${node} for ${period}: now ${value}, target ${target}`,
  lever: () => `lever`,
  value: () => `value`,
  elasticity: () => `elasticity`,
  impact: () => `+10% impact`,
  required: () => `needed alone`,
  change: () => `change`,
  rulesHeading: () => `Linter rules (turn off or re-grade in the file: lint.rules.<ID>)`,
  ruleSeverity: () => `severity`,
  ruleTitle: () => `rule`,
  explainRecords: ({
    aggregation,
    grain,
    records,
    coverage,
  }: {
    aggregation: string;
    grain: string;
    records: number;
    coverage: string | null;
  }) =>
    `= ${aggregation} of ${records} value(s) recorded per ${grain}${coverage ? `, coverage ${coverage}` : ""}`,
  /** A remark after a value: " (derived by the formula)". */
  aside: ({ text }: { text: string }) => ` (${text})`,
  model: () => `model`,
  aggregationNames: {
    sum: "sum",
    average: "average",
    weighted_average: "weighted average",
    last: "last value",
    first: "first value",
    min: "minimum",
    max: "maximum",
  } as Record<string, string>,
  targetSourceNames: {
    set: "set in the file",
    rollup: "rolled up from its sub-periods",
    formula: "derived by the formula",
  } as Record<string, string>,
  forecastMethodNames: {
    pace: "at the current pace",
    seasonal: "seasonal, from last year",
    trend: "least-squares trend",
    current: "current value",
    formula: "formula on the inputs' forecasts",
    actual: "final actual",
  } as Record<string, string>,
  reasonNames: {
    no_data: "no data",
    grain_coarser_than_period: "the data are recorded at a coarser grain than the period",
    missing_input: "an input has no value",
    division_by_zero: "division by zero",
    not_finite: "not a finite number",
  } as Record<string, string>,
  statusNames: {
    achieved: "achieved",
    on_track: "on track",
    at_risk: "at risk",
    off_track: "off track",
    no_target: "no target",
    no_data: "no data",
  } as Record<string, string>,
  severityNames: { error: "error", warning: "warning", info: "info" } as Record<string, string>,
};

const ja: typeof en = {
  usage: () => `使い方: shihyo <コマンド> [オプション]

コマンド:
  init [--template 名前] [DIR]       部門テンプレートからKPIファイルを作成（marketing, sales, customer-success, product, saas）
  check FILE [--json] [--as-of 日付] [--data CSV…]
                                     ファイルを検証し、SMART・整合性のチェックを実行
  tree FILE [--period 期間] [--as-of 日付] [--data CSV…]
                                     実績・目標・ステータス付きでKPIツリーを表示
  eval FILE --period 期間 [--as-of 日付] [--data CSV…] [--segment S] [--json]
                                     全ノードの実績・目標・進捗・予測・ステータス
  solve FILE --node ID --for X --period 期間 [--json]
                                     ID が目標を達成するための X の目標を逆算
  sensitivity FILE --node ID --period 期間 [--data CSV…] [--basis actual|forecast|target] [--json]
                                     ID に効くレバーを影響の大きい順に表示
  explain FILE --node ID --period 期間 [--as-of 日付] [--data CSV…] [--json]
                                     ノードの数値がどう計算されたかを表示
  demo-data FILE --from 日付 [--to 日付] [--seed N]
                                     プランを試すための実績データ（CSV）を生成して出力
  serve [--db DIR|URL] [--port N] [--demo]
                                     HTTP API を起動（既定は組み込みデータベース、または PostgreSQL）
  import FILE… / export --plan ID    KPIファイルとデータをサーバー（--server, --token）やデータベース（--db）と受け渡し
  admin create-token|create-user     スクリプト向けの管理コマンド（--db, --role, --org, --email）

共通オプション: --lang ja|en, --help, --version
詳しくは "shihyo <コマンド> --help" を実行してください。`,
  initHelp: () => `使い方: shihyo init [--template 名前] [--force] [DIR]

部門テンプレートから DIR/shihyo.yaml を作成します（DIR の既定は現在のディレクトリ）。
テンプレート: marketing, sales, customer-success, product, saas（全体ツリー。既定）。
既存のファイルは --force を付けない限り上書きしません。`,
  checkHelp: () => `使い方: shihyo check FILE [--json] [--as-of 日付] [--data CSV…] [--rules]

KPIファイルを検証し、チェック（SMART・整合性・健全性）を実行します。データファイル（CSV/XLSX）を
渡すと、達成可能性や更新停止のルールが過去の実績を使えます。
終了コード: 0 エラーなし、1 エラーの指摘あり、2 ファイルかデータが不正。
--rules で全ルールの既定の重大度とオプションを表示します。`,
  treeHelp:
    () => `使い方: shihyo tree FILE [--period 期間] [--as-of 日付] [--data CSV…] [--segment S] [--json]

ツリー（KGI → KSF → KPI）を、期間の実績・目標・進捗・ステータス付きで表示します
（期間の既定は基準日を含む四半期。基準日の既定はプランのタイムゾーンでの今日）。
--json を付けると "eval --json" と同じ数値をツリーの入れ子で出力します。`,
  evalHelp: () => `使い方: shihyo eval FILE --period 期間 [--as-of 日付] [--data CSV…] [--segment S] [--json]

期間について、全ての数値ノードの実績・目標（設定値または導出値）・進捗・現時点の期待値・予測（方法つき）・ステータスを評価します。`,
  solveHelp:
    () => `使い方: shihyo solve FILE --node ID --for X --period 期間 [--shape last-year] [--data CSV…] [--json]

他の入力を目標値に固定したまま、ID が期間の目標を達成するための X の目標を逆算します。
X の目標サイクルが期間より細かい場合は、均等に（--shape last-year なら前年実績の比率で）配分した値も表示します。`,
  sensitivityHelp:
    () => `使い方: shihyo sensitivity FILE --node ID --period 期間 [--as-of 日付] [--data CSV…] [--basis actual|forecast|target] [--json]

ID の末端の入力を、それぞれ10 %上げたときの影響の大きい順に並べ、弾力性と、単独で目標を達成するのに必要な値を示します。`,
  explainHelp:
    () => `使い方: shihyo explain FILE --node ID --period 期間 [--as-of 日付] [--data CSV…] [--segment S] [--json]

ノードの実績・目標・予測がどう計算されたか（集計したデータ、計算式と入力）を表示します。`,
  demoDataHelp: () => `使い方: shihyo demo-data FILE --from 日付 [--to 日付] [--seed N] > data.csv

プランの目標に近い実績（先行するノードも遅れるノードもあります）を生成し、縦長のCSVで出力します。
実データなしで Shihyo を試すためのものです。--to の既定は今日。同じ seed なら同じデータになります。`,
  demoDataWritten: ({ rows, from, to }) => `${from} から ${to} までの ${rows} 行を生成しました。`,
  unknownCommand: ({ command, suggestion }) =>
    `コマンド「${command}」はありません。${suggestion ? `「${suggestion}」の誤りではありませんか？` : ""}"shihyo --help" で一覧を表示できます。`,
  badOption: ({ detail }) =>
    `オプションが正しくありません: ${detail}。"shihyo <コマンド> --help" を参照してください。`,
  unknownOption: ({ option, suggestion }) =>
    `オプション ${option} はありません。${suggestion ? `${suggestion} の誤りではありませんか？` : ""}"shihyo <コマンド> --help" を参照してください。`,
  optionNeedsValue: ({ option }) =>
    `オプション ${option} には値を指定してください（例: ${option} 値。「-」で始まる値は ${option}=-値 と書きます）。`,
  optionTakesNoValue: ({ option }) => `オプション ${option} は値を取りません。`,
  badSeed: ({ value }) => `--seed には整数を指定してください（指定値: "${value}"）。`,
  badBasis: ({ value }) =>
    `--basis には actual、forecast、target のいずれかを指定してください（指定値: "${value}"）。`,
  badShape: ({ value }) => `--shape には "even" か "last-year" を指定してください（指定値: "${value}"）。`,
  badRange: ({ from, to }) => `--from ${from} が --to ${to} より後です。開始日は終了日以前にしてください。`,
  readReason: ({ code }) =>
    code === "ENOENT"
      ? "ファイルがありません"
      : code === "EISDIR"
        ? "ディレクトリです"
        : code === "EACCES" || code === "EPERM"
          ? "読み取る権限がありません"
          : code,
  serveHelp: () => `使い方: shihyo serve [--db DIR|postgres://…] [--port N] [--host H] [--demo]

HTTP API を一つのポートで起動します（既定は 127.0.0.1:3000。SHIHYO_PORT, SHIHYO_HOST）。--db には
組み込みデータベースのディレクトリ（既定 ./.shihyo）か PostgreSQL の URL を指定します（SHIHYO_DATABASE_URL でも可）。
--demo を付けると、空のデータベースにデモ組織・saas プラン・1年分の生成データ・オーナーを作成し、ログイン情報を表示します。
API の仕様は /api/openapi.json、閲覧用ページは /api/docs です。`,
  adminHelp: () => `使い方: shihyo admin create-token --db URL --role ロール [--org SLUG] [--name 名前]
        shihyo admin create-user --db URL --email E --role ロール [--org SLUG] [--name 名前] < パスワード

create-token は新しい API トークンだけを標準出力に表示します。create-user はパスワードを標準入力から読みます。
ロール: owner, admin, editor, viewer。--org を省略すると唯一の組織を使います（空のデータベースでは "default" を作成）。`,
  importHelp: () => `使い方: shihyo import FILE… [--plan ID] (--server URL --token T | --db URL [--org SLUG])

KPIファイル（.yaml, .yml, .json）はプランとして取り込み、ID を表示します。データファイル（.csv, .xlsx）は
--plan（または直前に取り込んだプラン）に、ファイル単位で全件か無しかで取り込みます。`,
  exportHelp:
    () => `使い方: shihyo export --plan ID [--out FILE] (--server URL --token T | --db URL [--org SLUG])

プランのKPIファイル（YAML）を標準出力か FILE に書き出します。取り込み直すと同じプランになります。`,
  badPort: ({ value }) => `--port には 0〜65535 の整数を指定してください（指定値: "${value}"）。`,
  listening: ({ url }) => `Shihyo を ${url} で起動しました（API ドキュメント: ${url}/api/docs）`,
  cannotListen: ({ port, reason }) => `ポート ${port} で待ち受けできません: ${reason}`,
  demoSeeded: ({ email, password }) =>
    `デモ組織を作成しました。次の情報でログインしてください\n  メールアドレス: ${email}\n  パスワード:     ${password}`,
  demoSkipped: () =>
    `データベースには既に組織があります。--demo は空のデータベースにだけデータを作成します。`,
  unknownSubcommand: ({ name, names }) =>
    `admin コマンド「${name}」はありません。次のいずれかを使ってください: ${names}`,
  badRole: ({ value, roles }) =>
    `「${value}」はロールではありません。次のいずれかを指定してください: ${roles}`,
  badEmail: ({ value }) => `「${value}」はメールアドレスではありません。`,
  shortPassword: () => `8文字以上のパスワードを標準入力から渡してください。`,
  userCreated: ({ email, org, role }) => `${email} を「${org}」の ${role} として作成しました。`,
  unknownOrganization: ({ slug }) => `組織「${slug}」はありません。`,
  noOrganization: () =>
    `データベースにまだ組織がありません。先にユーザーを作成してください（shihyo admin create-user）。`,
  severalOrganizations: ({ slugs }) => `組織が複数あります（${slugs}）。--org で指定してください。`,
  planImported: ({ file, id }) => `${file}: プラン ${id} として取り込みました。`,
  dataImported: ({ file, inserted, updated, unchanged }) =>
    `${file}: 追加 ${inserted} 件、更新 ${updated} 件、変更なし ${unchanged} 件。`,
  planExported: ({ file }) => `${file} を書き出しました。`,
  planNotFound: ({ id }) => `この組織にプラン「${id}」はありません。`,
  serverUnreachable: ({ url, reason }) => `${url} に接続できません: ${reason}`,
  serverRefused: ({ status, detail }) => `サーバーが ${status} を返しました: ${detail}`,
  noSuchFile: () => `ファイルがありません`,
  missingFile: () => `読み込むKPIファイルを指定してください（例: shihyo check plan.yaml）。`,
  missingOption: ({ option }) => `オプション --${option} を指定してください。`,
  badLang: ({ value }) => `--lang には "ja" か "en" を指定してください（指定値: "${value}"）。`,
  badDate: ({ value }) =>
    `「${value}」は日付ではありません。YYYY-MM-DD の形で指定してください（例: 2026-05-15）。`,
  cannotRead: ({ file, reason }) => `${file} を読み込めません: ${reason}`,
  unknownTemplate: ({ name, names }) => `テンプレート「${name}」はありません。使えるテンプレート: ${names}`,
  fileExists: ({ file }) => `${file} は既にあります。上書きするには --force を付けてください。`,
  wrote: ({ file, template }) =>
    `テンプレート「${template}」から ${file} を作成しました。次は: shihyo check ${file}`,
  internalError: ({ detail }) =>
    `内部エラー: ${detail}\nShihyo の不具合です。SHIHYO_DEBUG=1 を付けて再実行し、出力を報告してください。`,
  fileInvalid: ({ count }) => `ファイルに ${count} 件のエラーがあるため、評価していません。`,
  dataInvalid: ({ count }) => `データに不正な行が ${count} 件あるため、何も読み込んでいません。`,
  noFindings: () => `指摘はありません。`,
  checkSummary: ({ errors, warnings, infos }) => `エラー ${errors} 件、警告 ${warnings} 件、情報 ${infos} 件`,
  consistencyHeading: () => `整合性（KPIの目標でKGIの目標に届くか）`,
  consistencySummary: ({ ok, all }) => `${all} 件中 ${ok} 件の目標が整合しています。`,
  period: () => `期間`,
  implied: () => `KPIからの計算値`,
  gap: () => `差`,
  consistent: () => `整合`,
  inconsistent: () => `不整合`,
  fix: () => `修正案`,
  treeHeading: ({ name, period, asOf }) => `${name} — ${period}（${asOf} 時点）`,
  actual: () => `実績`,
  target: () => `目標`,
  derived: () => `導出`,
  progress: () => `進捗`,
  forecast: () => `予測`,
  status: () => `状態`,
  expected: () => `期待値`,
  node: () => `ノード`,
  solved: ({ lever, period, value }) => `${period} の ${lever} の目標は ${value} が必要です`,
  solvedUnique: () => `（解は一つ）`,
  perPeriod: () => `目標サイクルごとの配分:`,
  noLastYearShape: ({ lever, period }) =>
    `${lever} には ${period} の1年前の全ての期間の実績がないため、均等に配分しました。`,
  noSolution: () => `目標を満たすレバーの値はありません。`,
  sensitivityHeading: ({ node, period, value, target }) =>
    `${node} のレバー（${period}）: 現在 ${value}、目標 ${target}`,
  lever: () => `レバー`,
  value: () => `値`,
  elasticity: () => `弾力性`,
  impact: () => `+10%の影響`,
  required: () => `単独で必要な値`,
  change: () => `変化量`,
  rulesHeading: () => `チェックのルール（ファイルの lint.rules.<ID> で無効化・重大度の変更ができます）`,
  ruleSeverity: () => `重大度`,
  ruleTitle: () => `ルール`,
  explainRecords: ({ aggregation, grain, records, coverage }) =>
    `= ${grain}ごとの記録 ${records} 件の${aggregation}${coverage ? `（カバー率 ${coverage}）` : ""}`,
  aside: ({ text }) => `（${text}）`,
  model: () => `モデル`,
  aggregationNames: {
    sum: "合計",
    average: "平均",
    weighted_average: "加重平均",
    last: "最後の値",
    first: "最初の値",
    min: "最小値",
    max: "最大値",
  },
  targetSourceNames: {
    set: "ファイルで設定",
    rollup: "下位期間の目標から集計",
    formula: "計算式から導出",
  },
  forecastMethodNames: {
    pace: "現在のペース",
    seasonal: "前年の季節性",
    trend: "最小二乗法のトレンド",
    current: "現在の値",
    formula: "入力の予測に計算式を適用",
    actual: "確定した実績",
  },
  reasonNames: {
    no_data: "データなし",
    grain_coarser_than_period: "データの記録単位が期間より粗い",
    missing_input: "入力に値がない",
    division_by_zero: "ゼロ除算",
    not_finite: "有限の数値にならない",
  },
  statusNames: {
    achieved: "達成",
    on_track: "順調",
    at_risk: "要注意",
    off_track: "未達見込み",
    no_target: "目標なし",
    no_data: "データなし",
  },
  severityNames: { error: "エラー", warning: "警告", info: "情報" },
};

export const cliMessages: Record<Lang, typeof en> = { en, ja };
export type CliMessages = typeof en;
