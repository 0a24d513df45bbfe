import { z } from "zod";
import { AppError, AppErrorCode } from "../errors/appError.js";
import type { App, RouteDeps } from "./app.js";

/** Liveness (the process answers) and readiness (the database answers). */
export function healthRoutes(app: App, { store }: RouteDeps): void {
  const status = z.object({ status: z.literal("ok") });
  app.get(
    "/healthz",
    { schema: { tags: ["health"], response: { 200: status } }, logLevel: "warn" },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    { schema: { tags: ["health"], response: { 200: status } }, logLevel: "warn" },
    async () => {
      try {
        await store.countOrganizations();
      } catch (error) {
        throw new AppError(AppErrorCode.Unavailable, { cause: error });
      }
      return { status: "ok" as const };
    },
  );
}
