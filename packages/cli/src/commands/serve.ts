import { type CommandInput, UsageError } from "../main.js";
import { connectStore, databaseOf } from "../server/connectStore.js";

/**
 * Runs the HTTP API (and, once it exists, the web app) on one port. Logs JSON, or readable
 * lines on a terminal; shuts down gracefully on SIGTERM/SIGINT: stops accepting, finishes
 * in-flight requests, closes the database.
 */
export async function serve(input: CommandInput): Promise<number> {
  const m = input.messages;
  const server = await import("@shihyo/server");
  let config: ReturnType<typeof server.readConfig>;
  try {
    config = server.readConfig({ ...input.env.variables, SHIHYO_DATABASE_URL: databaseOf(input) });
  } catch (error) {
    if (error instanceof server.ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const portText = input.options.port as string | undefined;
  if (portText !== undefined) {
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(m.badPort({ value: portText }));
    config = { ...config, port };
  }
  if (typeof input.options.host === "string") config = { ...config, host: input.options.host };

  const store = await connectStore(input);
  if (input.options.demo) {
    const { seedDemo } = await import("../server/seedDemo.js");
    const { dayOfInstant } = await import("@shihyo/engine");
    const seeded = await seedDemo(store, {
      today: dayOfInstant(input.env.now(), "Asia/Tokyo"),
      hashPassword: server.hashPassword,
    });
    if (seeded) input.output.err(m.demoSeeded({ email: seeded.email, password: seeded.password }));
    else input.output.err(m.demoSkipped());
  }
  // JSON logs for machines, readable lines on a terminal.
  const webRoot = await builtWebApp(input.env.variables.SHIHYO_WEB_ROOT);
  const app = server.buildServer({
    store,
    config,
    prettyLogs: input.env.stdoutIsTTY,
    ...(webRoot ? { webRoot } : {}),
  });
  let stopping: Promise<void> | null = null;
  const stop = (signal: string): Promise<void> =>
    (stopping ??= (async () => {
      app.log.info({ signal }, "shutting down");
      await app.close();
      await store.close();
    })());
  // `on`, not `once`: a second signal during the shutdown (Ctrl-C twice, a supervisor that
  // repeats SIGTERM) must not kill the process before the database and its lock are released.
  const closed = new Promise<void>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.on(signal, () => {
        void stop(signal).then(resolve);
      });
    }
  });
  try {
    const address = await app.listen({ port: config.port, host: config.host });
    input.output.err(m.listening({ url: address }));
  } catch (error) {
    await store.close();
    throw new UsageError(m.cannotListen({ port: config.port, reason: (error as Error).message }));
  }
  await closed;
  return 0;
}

/** The built web app: packages/web/dist, or the directory SHIHYO_WEB_ROOT names (e.g. another build). */
async function builtWebApp(override: string | undefined): Promise<string | null> {
  const { access } = await import("node:fs/promises");
  const { fileURLToPath } = await import("node:url");
  const { resolve, sep } = await import("node:path");
  const root = override
    ? resolve(override) + sep
    : fileURLToPath(new URL("../../../web/dist/", import.meta.url));
  try {
    await access(`${root}index.html`);
    return root;
  } catch {
    return null;
  }
}
