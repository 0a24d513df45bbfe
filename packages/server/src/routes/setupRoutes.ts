import type { Session } from "@shihyo/store";
import type { FastifyReply } from "fastify";
import { SESSION_COOKIE } from "../auth/authenticate.js";
import { firstRunNeeded, setUpFirstOwner } from "../commands/firstRun.js";
import type { ServerConfig } from "../config.js";
import type { App, RouteDeps } from "./app.js";
import { sessionSchema, setupBody, setupStatusSchema } from "./schemas.js";

/** The session cookie, as signing in sets it. */
export function setSessionCookie(reply: FastifyReply, config: ServerConfig, session: Session): void {
  reply.setCookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
    expires: new Date(session.expiresAt),
  });
}

/** The first run of an empty server: anyone may create the first organisation and its owner, once. */
export function setupRoutes(app: App, { store, config }: RouteDeps): void {
  const tags = ["setup"];
  app.get(
    "/api/v1/setup",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Whether the server waits for its first organisation and owner",
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needed: await firstRunNeeded(store) }),
  );

  app.post(
    "/api/v1/setup",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "First run: create the organisation and its owner, and sign the owner in (409 once any user exists)",
        body: setupBody,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      const { session, user, organization } = await setUpFirstOwner({ store, config, input: request.body });
      setSessionCookie(reply, config, session);
      return reply.code(201).send({
        user,
        org: {
          id: organization.id,
          slug: organization.slug,
          name: organization.name,
          role: "owner" as const,
        },
        role: "owner" as const,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        via: "session" as const,
      });
    },
  );
}
