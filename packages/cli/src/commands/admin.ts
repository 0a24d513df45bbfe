import { ROLES, type Role } from "@shihyo/store";
import { type CommandInput, UsageError } from "../main.js";
import { connectStore } from "../server/connectStore.js";
import { resolveOrganization } from "../server/resolveOrganization.js";

const SUBCOMMANDS = ["create-token", "create-user"] as const;

/**
 * Administration for scripts, straight on the database: `create-token` prints a new API
 * token and nothing else; `create-user` reads the password from stdin.
 */
export async function admin(input: CommandInput): Promise<number> {
  const m = input.messages;
  const [sub] = input.positionals;
  if (sub !== "create-token" && sub !== "create-user")
    throw new UsageError(m.unknownSubcommand({ name: sub ?? "", names: SUBCOMMANDS.join(", ") }));
  const role = input.options.role as string | undefined;
  if (!role) throw new UsageError(m.missingOption({ option: "role" }));
  if (!ROLES.includes(role as Role))
    throw new UsageError(m.badRole({ value: role, roles: ROLES.join(", ") }));
  const org = input.options.org as string | undefined;

  if (sub === "create-user") {
    const email = input.options.email as string | undefined;
    if (!email) throw new UsageError(m.missingOption({ option: "email" }));
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError(m.badEmail({ value: email }));
    const password = (await input.env.readStdin()).replace(/\r?\n$/, "");
    if (password.length < 8) throw new UsageError(m.shortPassword());
    const { hashPassword } = await import("@shihyo/server");
    const store = await connectStore(input);
    try {
      const organization = await resolveOrganization(store, org, m, true);
      const passwordHash = await hashPassword(password);
      await store.transaction(async (tx) => {
        const user = await tx.createUser({
          email,
          name: (input.options.name as string | undefined) ?? email,
          passwordHash,
        });
        await tx.addMembership(null, { orgId: organization.id, userId: user.id, role: role as Role });
      });
      input.output.err(m.userCreated({ email, org: organization.slug, role }));
      return 0;
    } finally {
      await store.close();
    }
  }

  const store = await connectStore(input);
  try {
    const organization = await resolveOrganization(store, org, m, true);
    const actor = { orgId: organization.id, userId: null, tokenId: null, role: "owner" as const };
    const name = (input.options.name as string | undefined) ?? `cli ${role}`;
    const { secret } = await store.createApiToken(actor, { name, role: role as Role, scopes: [] });
    input.output.out(secret);
    return 0;
  } finally {
    await store.close();
  }
}
