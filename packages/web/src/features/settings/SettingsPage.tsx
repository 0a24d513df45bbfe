import { useTranslation } from "react-i18next";
import { useSession } from "../../api/queries";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { Loading } from "../../components/StateMessage";
import { AccountSection } from "./AccountSection";
import { AuditSection } from "./AuditSection";
import { CalendarSection } from "./CalendarSection";
import { LanguageSection } from "./LanguageSection";
import { MembersSection } from "./MembersSection";
import { OrganizationSection } from "./OrganizationSection";
import { TokensSection } from "./TokensSection";
import "./settings.css";
import { registerTexts } from "../../i18n/setupI18n";
import { settingsTexts } from "./texts";

registerTexts("settings", settingsTexts);

const SECTIONS = ["account", "organization", "members", "tokens", "audit", "language", "calendar"] as const;

/**
 * Settings (/settings): your own account, the organisation, its members and roles, API tokens, the audit
 * log, the language and the plan's calendar. One page of headed sections with a table of contents: plain links and
 * headings are what keyboards and screen readers handle best.
 */
export default function SettingsPage({ selection }: { selection: PlanAndPeriod; nodeId?: string }) {
  const { t } = useTranslation();
  const session = useSession().data;
  if (!session) return <Loading />;
  const me = { userId: session.user?.id ?? null, role: session.role };
  return (
    <div className="settings">
      <div className="page-head">
        <h1>{t("settings.title")}</h1>
      </div>
      <nav aria-label={t("settings.sections")} className="settings-toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#settings-${section}`}>{t(`settings.${section}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <AccountSection id="settings-account" session={session} />
      <OrganizationSection id="settings-organization" role={session.role} />
      <MembersSection id="settings-members" me={me} />
      <TokensSection id="settings-tokens" role={session.role} />
      <AuditSection id="settings-audit" role={session.role} />
      <LanguageSection id="settings-language" />
      <CalendarSection id="settings-calendar" selection={selection} />
    </div>
  );
}
