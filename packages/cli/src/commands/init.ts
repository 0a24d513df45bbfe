import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CommandInput, UsageError } from "../main.js";

const TEMPLATES_DIR = new URL("../../templates/", import.meta.url);

/** Writes a starter KPI file from a department template; never overwrites without --force. */
export async function init(input: CommandInput): Promise<number> {
  const m = input.messages;
  const names = (await readdir(TEMPLATES_DIR)).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5));
  const template = (input.options.template as string | undefined) ?? "saas";
  if (!names.includes(template))
    throw new UsageError(m.unknownTemplate({ name: template, names: names.sort().join(", ") }));
  const dir = input.positionals[0] ?? ".";
  const file = join(dir, "shihyo.yaml");
  if (!input.options.force && (await exists(file))) throw new UsageError(m.fileExists({ file }));
  const text = await readFile(new URL(`${template}.yaml`, TEMPLATES_DIR), "utf8");
  await mkdir(dir, { recursive: true });
  await writeFile(file, text);
  input.output.err(m.wrote({ file, template }));
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
