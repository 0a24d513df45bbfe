/**
 * Run as a separate process by the tests: opens the store on a directory and reports.
 * Exit 0: opened (and, with "hold", stays open until killed); 3: refused as locked; 1: other.
 */
import { isStoreError, openStore } from "../src/index.js";

const [dir, mode] = process.argv.slice(2);
try {
  const store = await openStore({ dir });
  process.stdout.write("opened\n");
  if (mode === "hold") {
    setInterval(() => {}, 60_000);
  } else {
    await store.close();
  }
} catch (error) {
  if (isStoreError(error, "locked")) {
    process.stdout.write(`${error.text("en")}\n${error.text("ja")}\n`);
    process.exit(3);
  }
  process.stdout.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
