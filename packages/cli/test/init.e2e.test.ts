/**
 * `shihyo init`: each department template is written, never over an existing file without
 * --force, and every one passes `check` cleanly.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shihyoExpecting, shihyoJson, TEMPLATES, tempDir } from "./cli.js";
import { TEMPLATE_NAMES } from "./fixtures.js";

const dir = await tempDir();

interface CheckDocument {
  ok: boolean;
  errors: unknown[];
  findings: { rule: string; severity: string; node: string | null }[];
  consistency: unknown[];
}

describe("init --template NAME DIR", () => {
  it.each(TEMPLATE_NAMES)("writes the %s template, which check accepts with exit 0", async (name) => {
    const target = join(dir, name);
    const result = await shihyoExpecting(0, ["init", "--template", name, target]);
    const file = join(target, "shihyo.yaml");
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Wrote ${file} from the "${name}" template. Next: shihyo check ${file}\n`);
    const written = await readFile(file, "utf8");
    expect(written).toBe(await readFile(join(TEMPLATES, `${name}.yaml`), "utf8"));

    const check = await shihyoExpecting(0, ["check", file, "--as-of", "2026-05-15"]);
    // The summary line, in the template's language (calendar.locale).
    expect(check.stdout).toMatch(/^(0 error\(s\)|エラー 0 件)/m);
    const { json } = await shihyoJson<CheckDocument>(["check", file, "--as-of", "2026-05-15"]);
    expect(json.ok).toBe(true);
    expect(json.errors).toEqual([]);
    expect(json.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("the saas template with its demo data is still free of errors, in the middle of the year", async () => {
    const file = join(dir, "saas", "shihyo.yaml");
    const { json } = await shihyoJson<CheckDocument>([
      "check",
      file,
      "--as-of",
      "2026-11-20",
      "--data",
      join(TEMPLATES, "saas.demo.csv"),
    ]);
    expect(json.ok).toBe(true);
    expect(json.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("-t is --template, and the template name is written in Japanese under a Japanese locale", async () => {
    const target = join(dir, "short");
    const result = await shihyoExpecting(0, ["init", "-t", "sales", target], {
      env: { LANG: "ja_JP.UTF-8" },
    });
    const file = join(target, "shihyo.yaml");
    expect(result.stderr).toBe(
      `テンプレート「sales」から ${file} を作成しました。次は: shihyo check ${file}\n`,
    );
  });

  it("without DIR writes ./shihyo.yaml from the saas template (the default)", async () => {
    const cwd = join(dir, "cwd");
    await mkdir(cwd);
    await shihyoExpecting(0, ["init"], { cwd });
    expect(await readFile(join(cwd, "shihyo.yaml"), "utf8")).toBe(
      await readFile(join(TEMPLATES, "saas.yaml"), "utf8"),
    );
  });

  it("refuses to overwrite an existing file (exit 2, file untouched) unless --force", async () => {
    const target = join(dir, "existing");
    await mkdir(target);
    const file = join(target, "shihyo.yaml");
    await writeFile(file, "# mine\n");
    const refused = await shihyoExpecting(2, ["init", "--template", "marketing", target]);
    expect(refused.stderr).toBe(`${file} already exists; use --force to overwrite it.\n`);
    expect(await readFile(file, "utf8")).toBe("# mine\n");

    await shihyoExpecting(0, ["init", "--template", "marketing", "--force", target]);
    expect(await readFile(file, "utf8")).toBe(await readFile(join(TEMPLATES, "marketing.yaml"), "utf8"));
  });

  it("an unknown template is exit 2 and lists the templates", async () => {
    const target = join(dir, "unknown");
    const result = await shihyoExpecting(2, ["init", "--template", "finance", target]);
    expect(result.stderr).toBe(
      `There is no template "finance". Templates: customer-success, marketing, product, saas, sales.\n`,
    );
    for (const name of TEMPLATE_NAMES) expect(result.stderr).toContain(name);
    await expect(readFile(join(target, "shihyo.yaml"), "utf8")).rejects.toThrow(/ENOENT/);
  });
});
