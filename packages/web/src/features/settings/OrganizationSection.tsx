import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/types";
import { LoadError, Loading } from "../../components/StateMessage";
import { useOrganization, useRenameOrganization } from "./api";
import { Done, FormError } from "./FormMessages";
import { mayRenameOrganization } from "./permissions";

/** The organisation's name (owners rename it), its fixed slug, and the user's role. */
export function OrganizationSection({ id, role }: { id: string; role: Role }) {
  const { t } = useTranslation();
  const organization = useOrganization();
  const rename = useRenameOrganization();
  const [name, setName] = useState("");
  const nameId = useId();
  const hintId = useId();
  const current = organization.data?.name ?? "";
  useEffect(() => setName(current), [current]);
  const mayRename = mayRenameOrganization(role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(name.trim());
  };

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.organization.title")}</h2>
      {organization.error ? (
        <LoadError error={organization.error} onRetry={() => void organization.refetch()} />
      ) : organization.isPending ? (
        <Loading />
      ) : (
        <>
          <form className="settings-form inline" onSubmit={submit}>
            <label htmlFor={nameId}>{t("settings.organization.name")}</label>
            <input
              id={nameId}
              value={name}
              maxLength={200}
              required
              readOnly={!mayRename}
              aria-describedby={mayRename ? undefined : hintId}
              onChange={(e) => setName(e.target.value)}
            />
            {mayRename && (
              <button
                type="submit"
                className="primary"
                disabled={rename.isPending || name.trim() === "" || name.trim() === current}
              >
                {rename.isPending ? t("settings.saving") : t("settings.organization.save")}
              </button>
            )}
          </form>
          {!mayRename && (
            <p id={hintId} className="settings-why">
              {t("settings.organization.ownerOnly")}
            </p>
          )}
          <FormError error={rename.error} />
          <Done
            text={
              rename.isSuccess && rename.data.name
                ? t("settings.organization.saved", { name: rename.data.name })
                : null
            }
          />
          <dl className="settings-facts">
            <dt>{t("settings.organization.slug")}</dt>
            <dd>
              <code>{organization.data.slug ?? "—"}</code>
            </dd>
            <dt>{t("settings.organization.yourRole")}</dt>
            <dd>
              <strong>{t(`settings.roles.${role}`)}</strong>{" "}
              <span className="muted">— {t(`settings.roleHints.${role}`)}</span>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
