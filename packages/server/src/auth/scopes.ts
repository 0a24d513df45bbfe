/**
 * What an API token may do beyond its role: a token created with scopes can call only the
 * routes whose scope it lists; a token with no scopes can do all its role allows.
 */
export const TOKEN_SCOPES = [
  "read",
  "measurements:write",
  "targets:write",
  "plans:write",
  "comments:write",
  "admin",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The scope a request needs, from its method and route (the route's pattern, not the URL). */
export function scopeOf(method: string, route: string): TokenScope {
  if (method === "GET" || method === "HEAD") return "read";
  // A what-if is a question asked with a body: it writes nothing.
  if (route.endsWith("/what-if")) return "read";
  if (route.endsWith("/measurements")) return "measurements:write";
  if (route.includes("/targets/")) return "targets:write";
  if (route.endsWith("/comments")) return "comments:write";
  if (route === "/api/v1/plans" || route === "/api/v1/plans/:id") return "plans:write";
  return "admin";
}

/** Whether a token's scopes allow a request (no scopes: everything the role allows). */
export function scopeAllows(scopes: readonly string[], method: string, route: string): boolean {
  return scopes.length === 0 || scopes.includes(scopeOf(method, route));
}
