import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient, prefetchFirstPage } from "./api/queries";
import { App } from "./app/App";
import { warmUpFormats } from "./format/formatValue";
import { currentLang, setupI18n } from "./i18n/setupI18n";
import "./styles.css";

const lang = currentLang(setupI18n());
const client = createQueryClient();
// The first page's requests go out before React renders anything; the number format's locale
// data loads while they are on the way.
void prefetchFirstPage(client, new URL(window.location.href), new Date(), () => warmUpFormats(lang));
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
