import type { Actor, Store } from "@shihyo/store";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { CSRF_HEADER, SESSION_COOKIE } from "../auth/authenticate.js";
import { actorOf } from "../auth/requestAuth.js";
import {
  accountHolder,
  changeEmail,
  changePassword,
  endOtherSessions,
  updateAccount,
} from "../commands/account.js";
import { login } from "../commands/login.js";
import { noContent } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import { loginBody, organizationSchema, renameOrganizationBody, sessionSchema } from "./schemas.js";
import { setSessionCookie } from "./setupRoutes.js";

/**
 * The actor's organisation. The store looks organisations up by user, so a token (no
 * user) learns only the id and its role.
 */
export async function currentOrganization(store: Store, actor: Actor) {
  const org = await store.getOrganization(actor.orgId);
  return { id: actor.orgId, slug: org?.slug ?? null, name: org?.name ?? null, role: actor.role };
}

/** The answer of GET /session: who is calling, in which organisation, and the CSRF token. */
async function sessionDocument(store: Store, request: FastifyRequest) {
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
}

// Lengths are checked by the account command, so that its messages are in ja and en.
const updateAccountBody = z.object({
  name: z.string().max(10_000).optional(),
  locale: z.enum(["ja", "en"]).nullable().optional().meta({ description: "null: follow the browser" }),
});
const changePasswordBody = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(10_000).meta({ description: "at least 8 characters" }),
});
const changeEmailBody = z.object({
  email: z.string().max(10_000).meta({ description: "the new address; trimmed and lower-cased" }),
  password: z.string().max(1024).meta({ description: "your current password" }),
});
const endedSessionsSchema = z.object({
  ended: z.number().int().meta({ description: "how many other sessions were ended" }),
});

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
      setSessionCookie(reply, config, signedIn.session);
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
    async (request) => sessionDocument(store, request),
  );

  app.delete(
    "/api/v1/session",
    { config: { access: "viewer" }, schema: { tags, summary: "Sign out", response: { 204: noContent } } },
    async (request, reply) => {
      const session = request.auth?.session;
      if (session) await store.deleteSession(session.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  // The signed-in person's own account. Session only: an API token has no password or sessions.
  app.patch(
    "/api/v1/session/user",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Change your own name and preferred language (signed-in users; not API tokens)",
        body: updateAccountBody,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const { actor } = accountHolder(request.auth);
      await updateAccount({ store, actor, input: request.body });
      return sessionDocument(store, request);
    },
  );

  app.post(
    "/api/v1/session/password",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary:
          "Change your own password; every other session of yours ends, this one stays (not API tokens)",
        body: changePasswordBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { actor, session } = accountHolder(request.auth);
      const { currentPassword, newPassword } = request.body;
      await changePassword({ store, config, actor, session, currentPassword, newPassword, ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/session/email",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary:
          "Change your own e-mail address (the one you sign in with); needs your current password (not API tokens)",
        body: changeEmailBody,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const { actor, session } = accountHolder(request.auth);
      const { email, password } = request.body;
      await changeEmail({ store, config, actor, session, email, password, ip: request.ip });
      return sessionDocument(store, request);
    },
  );

  app.delete(
    "/api/v1/sessions",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Sign out everywhere else: end every session of yours but this one (not API tokens)",
        response: { 200: endedSessionsSchema },
      },
    },
    async (request) => {
      const { actor, session } = accountHolder(request.auth);
      return { ended: await endOtherSessions({ store, actor, session }) };
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
