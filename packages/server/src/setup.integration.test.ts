/**
 * The first run: on a database without any user, anyone may create the first organisation
 * and its owner, exactly once, even when two try at the same moment.
 */
import { openStore, type Store } from "@shihyo/store";
import type { LightMyRequestResponse } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../store/test/testDatabases.js";
import { dialects, expectProblem, NOW } from "../test/harness.js";
import { buildServer } from "./buildServer.js";
import { DEFAULT_CONFIG } from "./config.js";
import type { App } from "./routes/app.js";

const PASSWORD = "first owner's secret";

interface Instance {
  store: Store;
  app: App;
}

describe.each(dialects())("first run on %s", (dialect) => {
  let database: TestDatabase | null = null;
  const instances: Instance[] = [];

  /** An empty database and `count` servers on it (several only on PostgreSQL: SQLite has one process). */
  async function emptyServers(count = 1): Promise<Instance[]> {
    database = await createTestDatabase(dialect);
    for (let i = 0; i < count; i++) {
      const store = await openStore({ ...database.target });
      const app = buildServer({ store, config: DEFAULT_CONFIG, logger: false, now: () => NOW });
      await app.ready();
      instances.push({ store, app });
    }
    return instances;
  }

  afterEach(async () => {
    for (const { app, store } of instances.splice(0)) {
      await app.close();
      await store.close();
    }
    await database?.dispose();
    database = null;
  });

  const setup = (app: App, body: unknown, lang = "en") =>
    app.inject({
      method: "POST",
      url: "/api/v1/setup",
      headers: { "accept-language": lang },
      payload: body as Record<string, unknown>,
    });
  const body = (n: string, orgName = `Org ${n}`) => ({
    organization: { name: orgName },
    user: { email: `Owner${n}@Example.com`, name: `Owner ${n}`, password: PASSWORD },
  });
  const cookieOf = (response: LightMyRequestResponse) =>
    String(response.headers["set-cookie"]).split(";")[0]!;

  it("creates the organisation and its owner once, signed in as after POST /session", async () => {
    const [{ app, store }] = (await emptyServers()) as [Instance];
    expect((await app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: true });

    const created = await setup(app, body("1", "  株式会社サンプル  "), "ja");
    expect(created.statusCode).toBe(201);
    const session = created.json();
    expect(session).toMatchObject({
      user: { email: "owner1@example.com", name: "Owner 1", locale: null },
      org: { slug: "org", name: "株式会社サンプル", role: "owner" },
      role: "owner",
      via: "session",
    });
    expect(session.csrfToken).toEqual(expect.any(String));
    const cookie = cookieOf(created);
    expect(cookie).toMatch(/^shihyo_session=/);
    expect(String(created.headers["set-cookie"])).toMatch(/HttpOnly/i);

    // The cookie and CSRF token work like a signed-in owner's: read, and rename the organisation.
    const me = await app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } });
    expect(me.json()).toMatchObject({ role: "owner", org: { name: "株式会社サンプル" } });
    const renamed = await app.inject({
      method: "PATCH",
      url: "/api/v1/orgs/current",
      headers: { cookie, "x-csrf-token": session.csrfToken },
      payload: { name: "Sample KK" },
    });
    expect(renamed.json()).toMatchObject({ name: "Sample KK", role: "owner" });

    // Once: now closed, with the reason in the caller's language; nothing more is written.
    expect((await app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: false });
    const again = expectProblem(await setup(app, body("2"), "ja"), 409, "conflict");
    expect(again.detail).toBe("このサーバーは初期設定済みです。アカウントでサインインしてください。");
    expect(again.reason).toBe("already_set_up");
    expect(expectProblem(await setup(app, body("2")), 409).detail).toBe(
      "This server is already set up: sign in with your account.",
    );
    expect(await store.countUsers()).toBe(1);
    expect(await store.countOrganizations()).toBe(1);

    // The owner signs in again with the password given (stored as argon2id).
    const user = await store.getUserByEmail("owner1@example.com");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "OWNER1@example.com", password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: "owner", org: { slug: "org", name: "Sample KK" } });
  });

  it("refuses bad input field by field, in Japanese and English, and writes nothing", async () => {
    const [{ app, store }] = (await emptyServers()) as [Instance];
    const bad = {
      organization: { name: "  ", slug: "Not A Slug" },
      user: { email: "not-an-address", name: "Owner", password: "short" },
    };
    const ja = expectProblem(await setup(app, bad, "ja"), 400, "validation_failed");
    expect(ja.errors).toEqual([
      { path: "body.organization.name", message: "組織名を入力してください。", code: "required" },
      {
        path: "body.organization.slug",
        message:
          "「Not A Slug」はスラッグにできません。英小文字・数字・ハイフンで 63 文字以内にしてください。",
        code: "slug",
      },
      {
        path: "body.user.email",
        message: "「not-an-address」はメールアドレスではありません。",
        code: "email",
      },
      { path: "body.user.password", message: "パスワードは 8 文字以上にしてください。", code: "too_short" },
    ]);
    expect(ja.detail).toContain("組織名を入力してください。");
    const en = expectProblem(await setup(app, bad, "en"), 400, "validation_failed");
    expect(en.errors?.map((e) => e.message)).toEqual([
      "Enter the organisation's name.",
      '"Not A Slug" cannot be a slug: lower-case letters, digits and hyphens, at most 63.',
      '"not-an-address" is not an e-mail address.',
      "The password needs at least 8 characters.",
    ]);
    // A missing field is the schema's refusal, before any of that.
    expectProblem(await setup(app, { organization: { name: "x" } }), 400, "validation_failed");
    expect(await store.countUsers()).toBe(0);
    expect((await app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: true });
  });

  it("makes the slug from the name, or takes the one given", async () => {
    const [{ app }] = (await emptyServers()) as [Instance];
    const created = await setup(app, {
      organization: { name: "Acme Corp. (Tokyo)" },
      user: { email: "a@example.com", name: "A", password: PASSWORD, locale: "ja" },
    });
    expect(created.json()).toMatchObject({ org: { slug: "acme-corp-tokyo" }, user: { locale: "ja" } });
  });

  it("lets exactly one of two simultaneous first runs through", async () => {
    // On PostgreSQL: two server instances on one database, as behind a load balancer.
    const servers = await emptyServers(dialect === "postgres" ? 2 : 1);
    const apps = [servers[0]!.app, servers.at(-1)!.app];
    const answers = await Promise.all([
      setup(apps[0]!, body("a", "Alpha")),
      setup(apps[1]!, body("b", "Beta")),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const store = servers[0]!.store;
    expect(await store.countUsers()).toBe(1);
    expect((await store.listOrganizations()).map((o) => o.name)).toHaveLength(1);
    const winner = answers.find((a) => a.statusCode === 201)!.json();
    const [organization] = await store.listOrganizations();
    expect(organization!.name).toBe(winner.org.name);
    expect((await store.listMemberships(organization!.id)).map((m) => [m.email, m.role])).toEqual([
      [winner.user.email, "owner"],
    ]);
  });

  it("keeps the store's first run to one winner even when eight start together", async () => {
    // Straight on the store (no password hashing to spread them out), from two instances
    // on PostgreSQL, so that the transactions really overlap.
    const servers = await emptyServers(dialect === "postgres" ? 2 : 1);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        servers[i % servers.length]!.store.createFirstOwner({
          organization: { slug: `org-${i}`, name: `Org ${i}` },
          user: { email: `owner${i}@example.com`, name: `Owner ${i}`, passwordHash: "x" },
        }),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await servers[0]!.store.countUsers()).toBe(1);
    expect(await servers[0]!.store.countOrganizations()).toBe(1);
  });
});
