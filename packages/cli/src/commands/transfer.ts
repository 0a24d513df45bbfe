import { extname } from "node:path";
import { formatDataErrors, readDataFile } from "@shihyo/datafile";
import { type Measurement, type PreparedPlan, parseKpiFile, writeKpiFile } from "@shihyo/engine";
import { InvalidPlanFile, readBytes } from "../loadPlan.js";
import { type CommandInput, UsageError } from "../main.js";
import type { CliMessages } from "../messages.js";
import { connectStore } from "../server/connectStore.js";
import { resolveOrganization } from "../server/resolveOrganization.js";

/** Where plans and data go: a running server (HTTP API with a token) or a database directly. */
interface Destination {
  createPlan(text: string, fileName: string): Promise<string>;
  exportPlan(planId: string): Promise<string>;
  ingest(
    planId: string,
    rows: Measurement[],
  ): Promise<{ inserted: number; updated: number; unchanged: number }>;
  close(): Promise<void>;
}

const PLAN_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** `shihyo import FILE…`: KPI files become plans; data files (CSV/XLSX) go into --plan. */
export async function importFiles(input: CommandInput): Promise<number> {
  const m = input.messages;
  if (input.positionals.length === 0) throw new UsageError(m.missingFile());
  const destination = await open(input);
  try {
    let planId = input.options.plan as string | undefined;
    for (const file of input.positionals) {
      const bytes = await readBytes(file, m);
      if (PLAN_EXTENSIONS.has(extname(file).toLowerCase())) {
        const text = bytes.toString("utf8");
        const parsed = parseKpiFile(text, { fileName: file });
        if (!parsed.ok) throw new InvalidPlanFile(parsed.errors, input.lang, file);
        planId = await destination.createPlan(text, file);
        input.output.out(planId);
        input.output.err(m.planImported({ file, id: planId }));
        continue;
      }
      if (!planId) throw new UsageError(m.missingOption({ option: "plan" }));
      const prepared = await preparedOf(destination, planId);
      const read = await readDataFile({ bytes, fileName: file }, prepared);
      if (!read.ok)
        throw new UsageError(
          [
            formatDataErrors(read.errors, input.lang, read.totalErrors),
            m.dataInvalid({ count: read.totalErrors }),
          ].join("\n"),
        );
      const counts = await destination.ingest(planId, read.rows);
      input.output.err(m.dataImported({ file, ...counts }));
    }
    return 0;
  } finally {
    await destination.close();
  }
}

/** `shihyo export --plan ID`: the plan's KPI file on stdout (or --out FILE). */
export async function exportPlan(input: CommandInput): Promise<number> {
  const m = input.messages;
  const planId = input.options.plan as string | undefined;
  if (!planId) throw new UsageError(m.missingOption({ option: "plan" }));
  const destination = await open(input);
  try {
    const text = await destination.exportPlan(planId);
    const out = input.options.out as string | undefined;
    if (out) {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(out, text);
      input.output.err(m.planExported({ file: out }));
    } else input.output.out(text);
    return 0;
  } finally {
    await destination.close();
  }
}

async function preparedOf(destination: Destination, planId: string): Promise<PreparedPlan> {
  const parsed = parseKpiFile(await destination.exportPlan(planId));
  if (!parsed.ok) throw new Error(`the stored plan ${planId} does not parse`);
  return parsed.prepared;
}

async function open(input: CommandInput): Promise<Destination> {
  const m = input.messages;
  const server = input.options.server as string | undefined;
  if (server !== undefined) {
    const token = (input.options.token as string | undefined) ?? input.env.variables.SHIHYO_TOKEN;
    if (!token) throw new UsageError(m.missingOption({ option: "token" }));
    return httpDestination(server, token, m);
  }
  const store = await connectStore(input);
  const org = await resolveOrganization(store, input.options.org as string | undefined, m, false).catch(
    async (e) => {
      await store.close();
      throw e;
    },
  );
  const actor = { orgId: org.id, userId: null, tokenId: null, role: "owner" as const };
  const notFound = (id: string) => new UsageError(m.planNotFound({ id }));
  return {
    createPlan: async (text, fileName) => {
      const parsed = parseKpiFile(text, { fileName });
      if (!parsed.ok) throw new Error("validated before");
      return (await store.createPlan(actor, parsed.plan)).id;
    },
    exportPlan: async (planId) => {
      const found = await store.getPlan(org.id, planId);
      if (!found) throw notFound(planId);
      return writeKpiFile(found.plan);
    },
    ingest: async (planId, rows) => {
      if (!(await store.getPlanSummary(org.id, planId))) throw notFound(planId);
      const { inserted, updated, unchanged } = await store.ingestMeasurements(actor, {
        planId,
        rows,
        source: "cli",
      });
      return { inserted, updated, unchanged };
    },
    close: () => store.close(),
  };
}

function httpDestination(base: string, token: string, m: CliMessages): Destination {
  const url = (path: string) => new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url(path), {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
      });
    } catch (error) {
      throw new UsageError(m.serverUnreachable({ url: base, reason: (error as Error).message }));
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
      throw new UsageError(
        m.serverRefused({ status: response.status, detail: problem?.detail ?? problem?.title ?? "" }),
      );
    }
    return response;
  };
  return {
    createPlan: async (text) => {
      const response = await call("api/v1/plans", {
        method: "POST",
        headers: { "content-type": "application/yaml" },
        body: text,
      });
      return ((await response.json()) as { id: string }).id;
    },
    exportPlan: async (planId) =>
      (await call(`api/v1/plans/${encodeURIComponent(planId)}/export`, { method: "GET" })).text(),
    ingest: async (planId, rows) => {
      const response = await call(`api/v1/plans/${encodeURIComponent(planId)}/measurements`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rows }),
      });
      return (await response.json()) as { inserted: number; updated: number; unchanged: number };
    },
    close: async () => {},
  };
}
