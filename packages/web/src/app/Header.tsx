import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { signOut } from "../api/queries";
import type { Session } from "../api/types";
import { LanguageSwitch } from "../components/LanguageSwitch";
import type { PlanAndPeriod } from "./usePlanAndPeriod";

/** Plan name (or picker), the two pages, language switch and sign-out. */
export function Header({ session, selection }: { session: Session; selection: PlanAndPeriod }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [location] = useLocation();
  const planSelectId = useId();
  const { plans, plan, search } = selection;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          指
        </span>
        <span className="brand-name">{t("app.name")}</span>
      </div>
      <div className="plan-name">
        {plans && plans.length > 1 ? (
          <>
            <label htmlFor={planSelectId} className="visually-hidden">
              {t("header.plan")}
            </label>
            <select id={planSelectId} value={plan?.id} onChange={(e) => selection.selectPlan(e.target.value)}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          plan && <span title={t("header.plan")}>{plan.name}</span>
        )}
      </div>
      <nav aria-label={t("header.nav")} className="main-nav">
        <Link href={`/${search}`} aria-current={location === "/" ? "page" : undefined}>
          {t("header.dashboard")}
        </Link>
        <Link href={`/tree${search}`} aria-current={location === "/tree" ? "page" : undefined}>
          {t("header.tree")}
        </Link>
        <Link href={`/entry${search}`} aria-current={location === "/entry" ? "page" : undefined}>
          {t("header.entry")}
        </Link>
        <Link href={`/plan${search}`} aria-current={location === "/plan" ? "page" : undefined}>
          {t("header.editor")}
        </Link>
        <Link href={`/settings${search}`} aria-current={location === "/settings" ? "page" : undefined}>
          {t("header.settings")}
        </Link>
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        <button
          type="button"
          className="sign-out"
          title={session.user ? t("header.signedInAs", { email: session.user.email }) : undefined}
          onClick={() => void signOut(client)}
        >
          {t("header.signOut")}
        </button>
      </div>
    </header>
  );
}
