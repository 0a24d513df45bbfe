import type { Actor, Store } from "@shihyo/store";
import { CSRF_HEADER, SESSION_COOKIE } from "../auth/authenticate.js";
import { actorOf } from "../auth/requestAuth.js";
import { login } from "../commands/login.js";
import type { App, RouteDeps } from "./app.js";
import { loginBody, organizationSchema, renameOrganizationBody, sessionSchema } from "./schemas.js";

/**
 * The actor's organisation. The store looks organisations up by user, so a token (no
 * user) learns only the id and its role.
 */
export async function currentOrganization(store: Store, actor: Actor) {
  const org = await store.getOrganization(actor.orgId);
  return { id: actor.orgId, slug: org?.slug ?? null, name: org?.name ?? null, role: actor.role };
}

export function sessionRoutes(app: App, { store, config }: RouteDeps): void {
  const tags = ["session"];
  app.post(
    "/api/v1/session",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in with e-mail and password (sets the session cookie)",
        body: loginBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { email, password, org } = request.body;
      const signedIn = await login({ store, config, email, password, orgSlug: org, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, signedIn.session.id, {
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        path: "/",
        expires: new Date(signedIn.session.expiresAt),
      });
      return {
        user: signedIn.user,
        org: { ...signedIn.org, role: signedIn.role },
        role: signedIn.role,
        csrfToken: signedIn.session.csrfToken,
        expiresAt: signedIn.session.expiresAt,
        via: "session" as const,
      };
    },
  );

  app.get(
    "/api/v1/session",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: `Who is signed in; the CSRF token to send as ${CSRF_HEADER} on writes`,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const session = request.auth?.session ?? null;
      return {
        user: actor.userId ? await store.getUser(actor.userId) : null,
        org: await currentOrganization(store, actor),
        role: actor.role,
        csrfToken: session?.csrfToken ?? null,
        expiresAt: session?.expiresAt ?? null,
        via: request.auth!.via,
      };
    },
  );

  app.delete(
    "/api/v1/session",
    { config: { access: "viewer" }, schema: { tags, summary: "Sign out" } },
    async (request, reply) => {
      const session = request.auth?.session;
      if (session) await store.deleteSession(session.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/orgs/current",
    {
      config: { access: "viewer" },
      schema: {
        tags: ["organisation"],
        summary: "The caller's organisation",
        response: { 200: organizationSchema },
      },
    },
    async (request) => currentOrganization(store, actorOf(request)),
  );
  app.patch(
    "/api/v1/orgs/current",
    {
      config: { access: "owner" },
      schema: {
        tags: ["organisation"],
        summary: "Rename the caller's organisation (owners only; the slug stays)",
        body: renameOrganizationBody,
        response: { 200: organizationSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await store.renameOrganization(actor, request.body.name);
      return currentOrganization(store, actor);
    },
  );
}
