// Runs the browser tests when a Chromium is installed. Locally without one they are skipped
// with a visible notice; in CI (CI=true) a missing browser is a failure, never a skip.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.SHIHYO_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk)`;
  if (process.env.CI === "true") {
    console.error(`Browser tests cannot run: ${message}`);
    process.exit(1);
  }
  console.warn(`NOTICE: browser tests skipped: ${message}`);
  process.exit(0);
}
const result = spawnSync("npm", ["run", "-s", "test:e2e", "-w", "@shihyo/web"], { stdio: "inherit" });
process.exit(result.status ?? 1);
