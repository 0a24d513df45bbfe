import {
  type NodeAssessment,
  type PreparedNode,
  parentPeriod,
  periodOfDay,
  presentEvaluation,
} from "@shihyo/engine";
import { colors, formatShare, formatStatus, formatValue, printable } from "../format.js";
import { loadPlan } from "../loadPlan.js";
import type { CommandInput } from "../main.js";

interface TreeJsonNode {
  id: string;
  role: string;
  name: string | null;
  formula: string | null;
  assessment: NodeAssessment | null;
  children: TreeJsonNode[];
}

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
  const roots = prepared.nodes.filter((node) => node.parent === null);
  if (input.options.json) {
    // The eval document's rows, nested as the tree: KSFs have no numbers (assessment null).
    const presented = new Map(presentEvaluation(document).nodes.map((n) => [n.id, n]));
    const branch = (node: PreparedNode): TreeJsonNode => ({
      id: node.id,
      role: node.role,
      name: node.source.name ?? null,
      formula: node.source.formula ?? null,
      assessment: presented.get(node.id) ?? null,
      children: node.children.map((id) => branch(prepared.byId.get(id)!)),
    });
    const json = {
      name: loaded.plan.name,
      period: document.period,
      asOf: document.asOf,
      segment,
      nodes: roots.map(branch),
    };
    input.output.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const c = colors(input.env.color);

  const lines: string[] = [
    c.bold(
      m.treeHeading({ name: printable(loaded.plan.name), period: document.period, asOf: document.asOf }),
    ),
  ];
  const describe = (node: PreparedNode): string => {
    const label = `${c.bold(node.id)}${node.source.name ? ` ${printable(node.source.name)}` : ""} ${c.dim(`[${ROLE_LABELS[node.role]}]`)}`;
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
  for (const node of roots) walk(node, "", true, true);
  if (document.nodes.some((n) => n.derivedTarget)) lines.push(c.dim(`* ${m.derived()}`));
  input.output.out(lines.join("\n"));
  return 0;
}
