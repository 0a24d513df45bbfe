import { defineConfig } from "vitest/config";

// Tests run on the TypeScript sources: the "source" export condition of each
// workspace package points at src/, so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    // Builds packages/cli once, so its end-to-end tests run the real, current binary.
    globalSetup: ["packages/cli/test/buildOnce.ts"],
    setupFiles: ["vitest.setup.ts"],
  },
});
