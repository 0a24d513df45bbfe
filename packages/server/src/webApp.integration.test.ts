import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@shihyo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./buildServer.js";
import { DEFAULT_CONFIG } from "./config.js";
import type { App } from "./routes/app.js";

/** The built web app is served on the API's port: files, client-side routes, and the API untouched. */
describe("serving the web app", () => {
  let dir: string;
  let store: Store;
  let app: App;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "shihyo-web-"));
    const web = join(dir, "web");
    await mkdir(join(web, "assets"), { recursive: true });
    await writeFile(join(web, "index.html"), "<!doctype html><title>Shihyo</title><div id=root></div>");
    await writeFile(join(web, "assets", "app-1a2b.js"), "console.log('app')");
    store = await openStore({ dir: join(dir, "db") });
    app = buildServer({ store, config: DEFAULT_CONFIG, logger: false, webRoot: web });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers / and any page address with index.html", async () => {
    for (const url of ["/", "/dashboard", "/plans/123/tree"]) {
      const response = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain("<div id=root></div>");
    }
  });

  it("serves hashed assets with a long cache lifetime", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/app-1a2b.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("immutable");
    expect(response.body).toBe("console.log('app')");
  });

  it("leaves unknown API addresses and missing assets as problem+json 404", async () => {
    for (const url of ["/api/v1/nothing", "/assets/missing.js"]) {
      const response = await app.inject({ method: "GET", url, headers: { accept: "application/json" } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });
});
