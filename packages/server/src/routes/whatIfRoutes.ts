import type { App, RouteDeps } from "./app.js";

/** Placeholder: routes added by the web app's work (issue 4). */
export function whatIfRoutes(_app: App, _deps: RouteDeps): void {}
