/**
 * A signed-in person's own account: name and language, password, and signing out every
 * other session. Only with a session cookie (and its CSRF token); API tokens are refused.
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

const NEW_PASSWORD = "a much longer secret";

describe.each(dialects())("own account on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => server?.close());

  /** A new session of its own (the harness keeps one per member). */
  async function signIn(who: Who, password = PASSWORD): Promise<Credentials> {
    const response = await server.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: server.emailOf(who), password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in ${who}: ${response.body}`);
    return {
      cookie: String(response.headers["set-cookie"]).split(";")[0]!,
      csrf: response.json().csrfToken as string,
    };
  }

  const send = (
    credentials: Credentials | null,
    method: "GET" | "PATCH" | "POST" | "DELETE",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: {
        ...(credentials ? { cookie: credentials.cookie, "x-csrf-token": credentials.csrf } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const stillSignedIn = async (credentials: Credentials) =>
    (await send(credentials, "GET", "/api/v1/session")).statusCode === 200;
  const signInStatus = async (who: Who, password: string) =>
    (
      await server.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: server.emailOf(who), password },
      })
    ).statusCode;
  const lastAudit = async () => (await server.store.listAudit(server.orgId, { limit: 1 })).entries[0];

  it("changes the name and the preferred language, answering the session document", async () => {
    const me = await signIn("admin");
    const changed = await send(me, "PATCH", "/api/v1/session/user", { name: "  管理 太郎  ", locale: "ja" });
    expect(changed.statusCode).toBe(200);
    const session = changed.json();
    expect(session).toMatchObject({
      user: { id: server.userIdOf("admin"), email: "admin@example.com", name: "管理 太郎", locale: "ja" },
      org: { slug: "acme", role: "admin" },
      role: "admin",
      csrfToken: me.csrf,
      via: "session",
    });
    expect((await send(me, "GET", "/api/v1/session")).json()).toEqual(session);
    expect(await lastAudit()).toMatchObject({
      action: "user.update",
      entity: "user",
      entityId: server.userIdOf("admin"),
      userId: server.userIdOf("admin"),
      detail: { name: { from: "admin", to: "管理 太郎" }, locale: { from: null, to: "ja" } },
    });

    // One field at a time; null goes back to following the browser.
    const back = await send(me, "PATCH", "/api/v1/session/user", { locale: null });
    expect(back.json().user).toMatchObject({ name: "管理 太郎", locale: null });
    // The name is what members see.
    const members = (await send(me, "GET", "/api/v1/members")).json() as { email: string; name: string }[];
    expect(members.find((m) => m.email === "admin@example.com")?.name).toBe("管理 太郎");
  });

  it("refuses an empty name in Japanese and English, and a locale it does not know", async () => {
    const me = await signIn("admin");
    const ja = expectProblem(
      await send(me, "PATCH", "/api/v1/session/user", { name: "   " }, { "accept-language": "ja" }),
      400,
      "validation_failed",
    );
    expect(ja.errors).toEqual([
      { path: "body.name", message: "お名前を入力してください。", code: "required" },
    ]);
    const en = expectProblem(
      await send(me, "PATCH", "/api/v1/session/user", { name: "x".repeat(201) }, { "accept-language": "en" }),
      400,
    );
    expect(en.errors?.[0]).toMatchObject({
      path: "body.name",
      message: "Your name may have at most 200 characters.",
    });
    expectProblem(
      await send(me, "PATCH", "/api/v1/session/user", { locale: "fr" }),
      400,
      "validation_failed",
    );
    expect((await send(me, "GET", "/api/v1/session")).json().user.name).toBe("管理 太郎");
  });

  it("changes the password: other sessions end, this one stays, only the new password signs in", async () => {
    const here = await signIn("editor");
    const elsewhere = await signIn("editor");
    const otherUser = await signIn("viewer");

    const wrong = expectProblem(
      await send(
        here,
        "POST",
        "/api/v1/session/password",
        { currentPassword: "not it", newPassword: NEW_PASSWORD },
        { "accept-language": "ja" },
      ),
      400,
      "validation_failed",
    );
    expect(wrong.detail).toBe("現在のパスワードが正しくありません。");
    expect(wrong.reason).toBe("wrong_password");
    expect(wrong.errors).toEqual([
      {
        path: "body.currentPassword",
        message: "現在のパスワードが正しくありません。",
        code: "wrong_password",
      },
    ]);
    const short = expectProblem(
      await send(here, "POST", "/api/v1/session/password", {
        currentPassword: PASSWORD,
        newPassword: "short",
      }),
      400,
    );
    expect(short.errors).toEqual([
      {
        path: "body.newPassword",
        message: "The new password needs at least 8 characters.",
        code: "too_short",
      },
    ]);
    // Refused attempts change nothing.
    expect(await stillSignedIn(elsewhere)).toBe(true);

    const changed = await send(here, "POST", "/api/v1/session/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(204);
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect(await stillSignedIn(otherUser)).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: "user.password",
      entityId: server.userIdOf("editor"),
      detail: { endedSessions: 1 },
    });
    // Stored as argon2id, never as given.
    expect(await server.store.getPasswordHash(server.userIdOf("editor"))).toMatch(/^\$argon2id\$/);

    expect(await signInStatus("editor", PASSWORD)).toBe(401);
    expect(await signInStatus("editor", NEW_PASSWORD)).toBe(200);
    // The session that made the change still writes.
    const renamed = await send(here, "PATCH", "/api/v1/session/user", { name: "Editor" });
    expect(renamed.statusCode).toBe(200);
  });

  it("signs out everywhere else: every other session of the user ends, this one stays", async () => {
    const here = await signIn("owner");
    const phone = await signIn("owner");
    const laptop = await signIn("owner");
    const colleague = await signIn("viewer");

    const ended = await send(here, "DELETE", "/api/v1/sessions");
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 2 });
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(colleague)).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: "session.end_others",
      entityId: server.userIdOf("owner"),
      detail: { ended: 2 },
    });
    expect((await send(here, "DELETE", "/api/v1/sessions")).json()).toEqual({ ended: 0 });
  });

  it("needs the CSRF token with the cookie", async () => {
    const me = await signIn("viewer");
    const noCsrf = (method: "PATCH" | "POST" | "DELETE", url: string, payload?: unknown) =>
      server.app.inject({
        method,
        url,
        headers: { cookie: me.cookie },
        ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      });
    expectProblem(await noCsrf("PATCH", "/api/v1/session/user", { name: "Mallory" }), 403, "csrf_failed");
    expectProblem(
      await noCsrf("POST", "/api/v1/session/password", {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
      403,
      "csrf_failed",
    );
    expectProblem(await noCsrf("DELETE", "/api/v1/sessions"), 403, "csrf_failed");
    expect(await signInStatus("viewer", PASSWORD)).toBe(200);
    expect((await send(me, "GET", "/api/v1/session")).json().user.name).toBe("viewer");
  });

  it("refuses API tokens, which have no password and no sessions (403, in both languages)", async () => {
    const { secret } = await server.store.createApiToken(server.owner, {
      name: "script",
      role: "owner",
      scopes: [],
    });
    const bearer = (lang: string) => ({ authorization: `Bearer ${secret}`, "accept-language": lang });
    const patch = expectProblem(
      await send(null, "PATCH", "/api/v1/session/user", { name: "Robot" }, bearer("en")),
      403,
      "forbidden",
    );
    expect(patch.reason).toBe("session_required");
    expect(patch.detail).toBe(
      "Only a person signed in with a password manages an account; an API token has none.",
    );
    const password = expectProblem(
      await send(
        null,
        "POST",
        "/api/v1/session/password",
        { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        bearer("ja"),
      ),
      403,
    );
    expect(password.detail).toBe(
      "アカウントを変更できるのはパスワードでサインインした本人だけです。API トークンにはアカウントがありません。",
    );
    expect(
      expectProblem(await send(null, "DELETE", "/api/v1/sessions", undefined, bearer("en")), 403).reason,
    ).toBe("session_required");
    expectProblem(await send(null, "DELETE", "/api/v1/sessions"), 401, "unauthenticated");
  });

  it("counts password checks with the sign-in attempts, so a borrowed session cannot guess for long", async () => {
    const me = await signIn("outsider");
    const key = `email:${server.emailOf("outsider")}`;
    // The sign-in above was attempt 1; a wrong current password is attempt 2, on the same counter.
    expectProblem(
      await send(me, "POST", "/api/v1/session/password", {
        currentPassword: "guess",
        newPassword: NEW_PASSWORD,
      }),
      400,
    );
    expect(await server.store.countLoginAttempt(key, 900)).toBe(3);
    for (let n = 4; n <= 10; n++) await server.store.countLoginAttempt(key, 900);
    // The limit is 10 per e-mail in the window: the 11th attempt is refused before any check.
    const limited = expectProblem(
      await send(me, "POST", "/api/v1/session/password", {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
      429,
      "rate_limited",
    );
    expect(limited.status).toBe(429);
    expect(await signInStatus("outsider", PASSWORD)).toBe(429);
  });
});
