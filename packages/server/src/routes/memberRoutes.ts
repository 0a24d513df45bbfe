import type { Membership } from "@shihyo/store";
import { hashPassword } from "../auth/passwords.js";
import { actorOf } from "../auth/requestAuth.js";
import { addMember, changeMemberRole, removeMember } from "../commands/members.js";
import { noContent } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import { addMemberBody, changeRoleBody, memberParams, membershipSchema } from "./schemas.js";

const presentMember = (m: Membership) => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
});

export function memberRoutes(app: App, { store }: RouteDeps): void {
  const tags = ["members"];
  app.get(
    "/api/v1/members",
    {
      config: { access: "viewer" },
      schema: { tags, summary: "Members of the organisation", response: { 200: membershipSchema.array() } },
    },
    async (request) => (await store.listMemberships(actorOf(request).orgId)).map(presentMember),
  );

  app.post(
    "/api/v1/members",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Add a member (creates the user when the e-mail is new)",
        body: addMemberBody,
        response: { 201: membershipSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { password, ...input } = request.body;
      // Hashed before the transaction: argon2 takes a while and must not hold the database.
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const member = await store.transaction((tx) => addMember({ store: tx, actor, input, passwordHash }));
      return reply.code(201).send(presentMember(member));
    },
  );

  app.patch(
    "/api/v1/members/:userId",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Change a member's role",
        params: memberParams,
        body: changeRoleBody,
        response: { 200: membershipSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { userId } = request.params;
      const { role } = request.body;
      return presentMember(
        await store.transaction((tx) => changeMemberRole({ store: tx, actor, userId, role })),
      );
    },
  );

  app.delete(
    "/api/v1/members/:userId",
    {
      config: { access: "admin" },
      schema: { tags, summary: "Remove a member", params: memberParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await store.transaction((tx) => removeMember({ store: tx, actor, userId: request.params.userId }));
      return reply.code(204).send(null);
    },
  );
}
