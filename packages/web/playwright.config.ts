import { defineConfig } from "@playwright/test";

// Debian's Chromium (`apt-get install chromium fonts-noto-cjk`): Playwright cannot download
// its own browser here.
const chromiumPath = process.env.SHIHYO_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.spec.ts",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // Starts `shihyo serve --demo` (and, until the server serves the app, `vite preview`) and
  // sets SHIHYO_E2E_BASE_URL; SHIHYO_WEB_URL points at an app that is already running instead.
  globalSetup: "./e2e/startServers.ts",
  use: {
    baseURL: process.env.SHIHYO_WEB_URL ?? process.env.SHIHYO_E2E_BASE_URL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
