import { type NodeAssessment, type PreparedNode, parentPeriod, periodOfDay } from "@shihyo/engine";
import { colors, formatShare, formatStatus, formatValue } from "../format.js";
import { loadPlan } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

const ROLE_LABELS: Record<string, string> = { kgi: "KGI", ksf: "KSF", kpi: "KPI" };

/** The plan as an indented tree, like the diagrams in the article: values, targets, status. */
export async function tree(input: CommandInput): Promise<number> {
  const loaded = await loadPlan(input);
  const { evaluator, messages: m, lang, prepared } = loaded;
  const periodText = input.options.period as string | undefined;
  const period = periodText
    ? evaluator.period(periodText)
    : parentPeriod(periodOfDay(loaded.asOf, "day", prepared.calendar), "quarter", prepared.calendar);
  const segment = (input.options.segment as string | undefined) ?? null;
  const document = evaluator.evaluate({ period, asOf: loaded.asOf, segment });
  const byId = new Map<string, NodeAssessment>(document.nodes.map((n) => [n.id, n]));
  const c = colors(input.env.color);

  const lines: string[] = [
    c.bold(m.treeHeading({ name: loaded.plan.name, period: document.period, asOf: document.asOf })),
  ];
  const describe = (node: PreparedNode): string => {
    const label = `${c.bold(node.id)}${node.source.name ? ` ${node.source.name}` : ""} ${c.dim(`[${ROLE_LABELS[node.role]}]`)}`;
    const a = byId.get(node.id);
    if (!a) return label;
    const unit = node.source.unit;
    const target =
      a.target === null ? "—" : `${formatValue(a.target, unit, lang)}${a.derivedTarget ? "*" : ""}`;
    const formula = node.source.formula ? c.cyan(`  = ${node.source.formula}`) : "";
    return `${label}  ${formatValue(a.actual, unit, lang)} / ${target}  ${formatShare(a.progress, lang)}  ${formatStatus(a.status, m, c)}${formula}`;
  };
  const walk = (node: PreparedNode, prefix: string, last: boolean, root: boolean) => {
    lines.push(root ? describe(node) : `${prefix}${last ? "└─ " : "├─ "}${describe(node)}`);
    const children = node.children.map((id) => prepared.byId.get(id)!);
    const childPrefix = root ? "" : `${prefix}${last ? "   " : "│  "}`;
    children.forEach((child, i) => {
      walk(child, childPrefix, i === children.length - 1, false);
    });
  };
  for (const node of prepared.nodes) if (node.parent === null) walk(node, "", true, true);
  lines.push(c.dim(`* ${m.derived()}`));
  input.output.out(lines.join("\n"));
  return 0;
}
