/**
 * Changing one's own e-mail address (POST /api/v1/session/email): the current password is
 * required and counted like a sign-in, the address is normalised as sign-in does, an address
 * someone else has is refused, and the change is audited. Sessions only; CSRF as for writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Credentials,
  dialects,
  expectProblem,
  PASSWORD,
  startServer,
  type TestServer,
  type Who,
} from "../test/harness.js";

const URL = "/api/v1/session/email";

describe.each(dialects())("own e-mail on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => server?.close());

  const signInWith = async (email: string, password = PASSWORD) =>
    server.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password } });

  /** A new session of its own (the harness keeps one per member, signed in by the original e-mail). */
  async function signIn(who: Who): Promise<Credentials> {
    const response = await signInWith(server.emailOf(who));
    if (response.statusCode !== 200) throw new Error(`sign-in ${who}: ${response.body}`);
    return {
      cookie: String(response.headers["set-cookie"]).split(";")[0]!,
      csrf: response.json().csrfToken as string,
    };
  }

  const post = (credentials: Credentials | null, payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: "POST",
      url: URL,
      headers: {
        ...(credentials ? { cookie: credentials.cookie, "x-csrf-token": credentials.csrf } : {}),
        ...headers,
      },
      payload: payload as Record<string, unknown>,
    });
  const emailOfUser = async (who: Who) => (await server.store.getUser(server.userIdOf(who)))?.email;

  it("changes the address (trimmed, lower-cased), answers the session, keeps it, and audits the change", async () => {
    const here = await signIn("admin");
    const elsewhere = await signIn("admin");
    const changed = await post(here, { email: "  Kanri.Taro@Example.JP ", password: PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      user: { id: server.userIdOf("admin"), email: "kanri.taro@example.jp", name: "admin" },
      org: { slug: "acme" },
      role: "admin",
      csrfToken: here.csrf,
      via: "session",
    });
    // Both sessions go on: the person is the same.
    for (const credentials of [here, elsewhere]) {
      const session = await server.app.inject({
        method: "GET",
        url: "/api/v1/session",
        headers: { cookie: credentials.cookie },
      });
      expect(session.json().user.email).toBe("kanri.taro@example.jp");
    }
    const [entry] = (await server.store.listAudit(server.orgId, { limit: 1 })).entries;
    expect(entry).toMatchObject({
      action: "user.email",
      entity: "user",
      entityId: server.userIdOf("admin"),
      userId: server.userIdOf("admin"),
      tokenId: null,
      detail: { from: "admin@example.com", to: "kanri.taro@example.jp" },
    });
    // The new address signs in, in any case; the old one no longer does.
    expect((await signInWith("KANRI.TARO@example.jp")).statusCode).toBe(200);
    expectProblem(await signInWith("admin@example.com"), 401, "invalid_credentials");
    const members = await server.app.inject({
      method: "GET",
      url: "/api/v1/members",
      headers: { cookie: here.cookie },
    });
    expect(members.json().map((m: { email: string }) => m.email)).toContain("kanri.taro@example.jp");

    // Back to the old address (the same address again would change and audit nothing).
    expect((await post(here, { email: "admin@example.com", password: PASSWORD })).statusCode).toBe(200);
    const again = await post(here, { email: "ADMIN@example.com", password: PASSWORD });
    expect(again.json().user.email).toBe("admin@example.com");
    const log = await server.store.listAudit(server.orgId, { actions: ["user.email"] });
    expect(log.entries.map((e) => e.detail)).toEqual([
      { from: "kanri.taro@example.jp", to: "admin@example.com" },
      { from: "admin@example.com", to: "kanri.taro@example.jp" },
    ]);
  });

  it("refuses an address another user has (409), in Japanese and English, and changes nothing", async () => {
    const me = await signIn("editor");
    const ja = expectProblem(
      await post(me, { email: "Viewer@Example.com", password: PASSWORD }, { "accept-language": "ja" }),
      409,
      "conflict",
    );
    expect(ja.detail).toBe(
      "viewer@example.com は別のアカウントがサインインに使っています。別のアドレスを指定してください。",
    );
    expect(ja.reason).toBe("email_taken");
    expect(ja.errors).toEqual([{ path: "body.email", message: ja.detail, code: "email_taken" }]);
    const en = expectProblem(
      await post(me, { email: "outsider@example.com", password: PASSWORD }, { "accept-language": "en" }),
      409,
    );
    expect(en.detail).toBe(
      "Another account already signs in with outsider@example.com; choose a different address.",
    );
    expect(await emailOfUser("editor")).toBe("editor@example.com");
    expect(await emailOfUser("viewer")).toBe("viewer@example.com");
  });

  it("refuses a wrong password before saying whether the address is taken, and a malformed address", async () => {
    const me = await signIn("editor");
    const wrong = expectProblem(
      await post(me, { email: "viewer@example.com", password: "not it" }, { "accept-language": "ja" }),
      400,
      "validation_failed",
    );
    expect(wrong.reason).toBe("wrong_password");
    expect(wrong.errors).toEqual([
      { path: "body.password", message: "現在のパスワードが正しくありません。", code: "wrong_password" },
    ]);
    const empty = expectProblem(await post(me, { email: "  ", password: PASSWORD }), 400);
    expect(empty.errors).toEqual([
      { path: "body.email", message: "Enter the new e-mail address.", code: "required" },
    ]);
    const malformed = expectProblem(
      await post(me, { email: "editor at example", password: PASSWORD }, { "accept-language": "ja" }),
      400,
    );
    expect(malformed.errors).toEqual([
      { path: "body.email", message: "「editor at example」はメールアドレスではありません。", code: "email" },
    ]);
    expectProblem(await post(me, { email: "x@example.com" }), 400, "validation_failed");
    expect(await emailOfUser("editor")).toBe("editor@example.com");
  });

  it("counts the password check with the sign-in attempts of the current address", async () => {
    const me = await signIn("outsider");
    const key = `email:${server.emailOf("outsider")}`;
    // The sign-in was attempt 1; the wrong password is attempt 2, on the same counter.
    expectProblem(await post(me, { email: "o2@example.com", password: "guess" }), 400);
    expect(await server.store.countLoginAttempt(key, 900)).toBe(3);
    for (let n = 4; n <= 10; n++) await server.store.countLoginAttempt(key, 900);
    // Over the limit of 10 per e-mail: refused before any check, even with the right password.
    expectProblem(await post(me, { email: "o2@example.com", password: PASSWORD }), 429, "rate_limited");
    expect(await emailOfUser("outsider")).toBe("outsider@example.com");
  });

  it("needs the CSRF token with the cookie, and a session: API tokens have no password", async () => {
    const me = await signIn("viewer");
    const noCsrf = await server.app.inject({
      method: "POST",
      url: URL,
      headers: { cookie: me.cookie },
      payload: { email: "mallory@example.com", password: PASSWORD },
    });
    expectProblem(noCsrf, 403, "csrf_failed");
    const { secret } = await server.store.createApiToken(server.owner, {
      name: "script",
      role: "owner",
      scopes: [],
    });
    const token = expectProblem(
      await post(
        null,
        { email: "robot@example.com", password: PASSWORD },
        { authorization: `Bearer ${secret}`, "accept-language": "en" },
      ),
      403,
      "forbidden",
    );
    expect(token.reason).toBe("session_required");
    expectProblem(
      await post(null, { email: "nobody@example.com", password: PASSWORD }),
      401,
      "unauthenticated",
    );
    expect(await emailOfUser("viewer")).toBe("viewer@example.com");
  });
});
