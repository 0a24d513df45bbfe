import { expect, type Page } from "@playwright/test";

/** The signed-in page's CSRF token (from GET /session), for writes straight through the API. */
export async function csrfToken(page: Page): Promise<string> {
  const session = await page.request.get("/api/v1/session");
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Deletes every plan of this name (a spec's own plans, also those a failed earlier run left
 * behind), so that the specs after it see the demo organisation with its one plan.
 */
export async function deletePlansNamed(page: Page, name: string): Promise<void> {
  const token = await csrfToken(page);
  const plans = (await (await page.request.get("/api/v1/plans")).json()) as { id: string; name: string }[];
  for (const plan of plans.filter((p) => p.name === name)) {
    const summary = await page.request.get(`/api/v1/plans/${plan.id}`);
    const deleted = await page.request.delete(`/api/v1/plans/${plan.id}`, {
      headers: { "if-match": summary.headers().etag!, "x-csrf-token": token },
    });
    expect(deleted.status()).toBe(204);
  }
}
