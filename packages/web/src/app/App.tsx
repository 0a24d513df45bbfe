import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Switch } from "wouter";
import { useSession } from "../api/queries";
import { LoadError, Loading } from "../components/StateMessage";
import { DashboardPage } from "../pages/DashboardPage";
import { SignInPage } from "../pages/SignInPage";
import { Header } from "./Header";
import { usePlanAndPeriod } from "./usePlanAndPeriod";

// Every page but the dashboard is loaded only when opened (the tree and charts are large).
const TreePage = lazy(() => import("../features/tree/TreePage"));
const KpiDetailPage = lazy(() => import("../features/detail/KpiDetailPage"));
const DataEntryPage = lazy(() => import("../features/entry/DataEntryPage"));
const PlanEditorPage = lazy(() => import("../features/editor/PlanEditorPage"));
const SettingsPage = lazy(() => import("../features/settings/SettingsPage"));

export function App() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      {session.isPending ? (
        <main id="main">
          <Loading />
        </main>
      ) : session.error ? (
        <main id="main">
          <LoadError error={session.error} onRetry={() => void session.refetch()} />
        </main>
      ) : session.data ? (
        <SignedIn session={session.data} />
      ) : (
        <SignInPage />
      )}
    </>
  );
}

function SignedIn({ session }: { session: NonNullable<ReturnType<typeof useSession>["data"]> }) {
  const { t } = useTranslation();
  const selection = usePlanAndPeriod();
  return (
    <>
      <Header session={session} selection={selection} />
      <main id="main" className="page">
        <Switch>
          <Route path="/">
            <DashboardPage selection={selection} />
          </Route>
          <Route path="/tree">
            <Suspense fallback={<Loading />}>
              <TreePage selection={selection} />
            </Suspense>
          </Route>
          <Route path="/kpi/:id">
            {(params) => (
              <Suspense fallback={<Loading />}>
                <KpiDetailPage selection={selection} nodeId={decodeURIComponent(params.id)} />
              </Suspense>
            )}
          </Route>
          <Route path="/entry">
            <Suspense fallback={<Loading />}>
              <DataEntryPage selection={selection} />
            </Suspense>
          </Route>
          <Route path="/plan">
            <Suspense fallback={<Loading />}>
              <PlanEditorPage selection={selection} />
            </Suspense>
          </Route>
          <Route path="/settings">
            <Suspense fallback={<Loading />}>
              <SettingsPage selection={selection} />
            </Suspense>
          </Route>
          <Route>
            <p>{t("common.notFound")}</p>
            <Link href="/">{t("common.backToDashboard")}</Link>
          </Route>
        </Switch>
      </main>
    </>
  );
}
