import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Switch } from "wouter";
import { useSession } from "../api/queries";
import { LoadError, Loading } from "../components/StateMessage";
import { DashboardPage } from "../pages/DashboardPage";
import { SignInPage } from "../pages/SignInPage";
import { Header } from "./Header";
import { usePlanAndPeriod } from "./usePlanAndPeriod";

// The tree page grows large (React Flow later): loaded only when opened.
const TreePage = lazy(() => import("../pages/TreePage"));

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
          <Route>
            <p>{t("common.notFound")}</p>
            <Link href="/">{t("common.backToDashboard")}</Link>
          </Route>
        </Switch>
      </main>
    </>
  );
}
