import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/types";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import type { Lang } from "../../i18n/catalog";
import { currentLang } from "../../i18n/setupI18n";
import {
  type ApiToken,
  TOKEN_SCOPES,
  type TokenScope,
  useCreateToken,
  useRevokeToken,
  useTokens,
} from "./api";
import { Done, FormError } from "./FormMessages";
import { formatDateTime } from "./formatSettings";
import { grantableRoles, mayAdminister } from "./permissions";
import { settingsTexts } from "./texts";

/** API tokens: listed without their secrets; a new one's secret is shown once, here, and never again. */
export function TokensSection({ id, role }: { id: string; role: Role }) {
  const { t } = useTranslation();
  const admin = mayAdminister(role);
  const tokens = useTokens(admin);
  const revoke = useRevokeToken();
  const [done, setDone] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.tokens.title")}</h2>
      <p className="muted">{t("settings.tokens.lead")}</p>
      {!admin ? (
        <p className="settings-why">{t("settings.tokens.adminOnly")}</p>
      ) : (
        <>
          {created && <NewTokenSecret {...created} onClose={() => setCreated(null)} />}
          {tokens.error ? (
            <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.isPending ? (
            <Loading />
          ) : tokens.data.length === 0 ? (
            <Empty title={t("settings.tokens.empty")} />
          ) : (
            <TokenTable
              tokens={tokens.data}
              busy={revoke.isPending}
              onRevoke={(token) =>
                revoke.mutate(token.id, {
                  onSuccess: () => setDone(t("settings.tokens.revokedDone", { name: token.name })),
                })
              }
            />
          )}
          <FormError error={revoke.error} />
          <Done text={done} />
          <CreateTokenForm
            role={role}
            onCreated={(name, secret) => {
              setDone(null);
              setCreated({ name, secret });
            }}
          />
        </>
      )}
    </section>
  );
}

function TokenTable({
  tokens,
  busy,
  onRevoke,
}: {
  tokens: ApiToken[];
  busy: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const [confirming, setConfirming] = useState<string | null>(null);
  // Live tokens first; revoked ones stay listed (what existed, and when it stopped).
  const sorted = [...tokens].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
  return (
    <div className="settings-table-wrap">
      <table className="settings-table">
        <thead>
          <tr>
            <th scope="col">{t("settings.tokens.name")}</th>
            <th scope="col">{t("settings.tokens.prefix")}</th>
            <th scope="col">{t("settings.tokens.role")}</th>
            <th scope="col">{t("settings.tokens.scopes")}</th>
            <th scope="col">{t("settings.tokens.created")}</th>
            <th scope="col">{t("settings.tokens.lastUsed")}</th>
            <th scope="col">{t("settings.tokens.status")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "revoked" : undefined}>
              <th scope="row">{token.name}</th>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{t(`settings.roles.${token.role}`)}</td>
              <td>
                {token.scopes.length === 0
                  ? t("settings.tokens.allScopes")
                  : token.scopes.map((s) => scopeName(s, lang)).join(lang === "ja" ? "、" : ", ")}
              </td>
              <td>{formatDateTime(token.createdAt, lang)}</td>
              <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t("settings.never")}</td>
              <td className="settings-actions">
                {token.revokedAt ? (
                  <span className="status status-none">
                    {t("settings.tokens.revoked", { date: formatDateTime(token.revokedAt, lang) })}
                  </span>
                ) : confirming === token.id ? (
                  <fieldset className="settings-confirm">
                    <legend>{t("settings.tokens.confirmRevoke", { name: token.name })}</legend>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => {
                        setConfirming(null);
                        onRevoke(token);
                      }}
                    >
                      {t("settings.tokens.confirmRevokeButton")}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t("settings.cancel")}
                    </button>
                  </fieldset>
                ) : (
                  <>
                    <span className="status status-good">{t("settings.tokens.active")}</span>{" "}
                    <button
                      type="button"
                      aria-label={t("settings.tokens.revokeOf", { name: token.name })}
                      onClick={() => setConfirming(token.id)}
                    >
                      {t("settings.tokens.revoke")}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function scopeName(scope: string, lang: Lang): string {
  return (TOKEN_SCOPES as readonly string[]).includes(scope)
    ? settingsTexts[lang].scopeNames[scopeKey(scope as TokenScope)]
    : scope;
}

/** The text key of a scope: i18next would read the ":" of `plans:write` as a namespace separator. */
const SCOPE_KEYS = {
  read: "read",
  "measurements:write": "measurements_write",
  "targets:write": "targets_write",
  "plans:write": "plans_write",
  "comments:write": "comments_write",
  admin: "admin",
} as const satisfies Record<TokenScope, string>;
const scopeKey = (scope: TokenScope) => SCOPE_KEYS[scope];

/** The secret of the token just created: in this component's state only, gone once closed. */
function NewTokenSecret({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [copy, setCopy] = useState<"copied" | "copyFailed" | null>(null);
  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("copyFailed");
    }
  };
  return (
    <section className="new-token" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t("settings.tokens.createdTitle", { name })}</h3>
      <p className="new-token-warning">
        <strong>{t("settings.tokens.onceWarning")}</strong>
      </p>
      <label htmlFor={`${base}-secret`}>{t("settings.tokens.secret")}</label>
      <div className="new-token-secret">
        <input
          id={`${base}-secret`}
          className="new-token-value"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copySecret()}>
          {t("settings.tokens.copy")}
        </button>
      </div>
      <p role="status" className="settings-done">
        {copy && t(`settings.tokens.${copy}`)}
      </p>
      <button type="button" className="primary" onClick={onClose}>
        {t("settings.tokens.done")}
      </button>
    </section>
  );
}

function CreateTokenForm({
  role,
  onCreated,
}: {
  role: Role;
  onCreated: (name: string, secret: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const base = useId();
  const [name, setName] = useState("");
  const [tokenRole, setTokenRole] = useState<Role>("viewer");
  const [scopes, setScopes] = useState<TokenScope[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), role: tokenRole, scopes },
      {
        onSuccess: ({ token, secret }) => {
          onCreated(token.name, secret);
          setName("");
          setScopes([]);
        },
      },
    );
  };
  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t("settings.tokens.create")}</h3>
      <div className="settings-fields">
        <label htmlFor={`${base}-name`}>{t("settings.tokens.createName")}</label>
        <input
          id={`${base}-name`}
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${base}-role`}>{t("settings.tokens.createRole")}</label>
        <select id={`${base}-role`} value={tokenRole} onChange={(e) => setTokenRole(e.target.value as Role)}>
          {grantableRoles(role).map((r) => (
            <option key={r} value={r}>
              {t(`settings.roles.${r}`)} — {t(`settings.roleHints.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="settings-scopes" aria-describedby={`${base}-scopes-hint`}>
        <legend>{t("settings.tokens.createScopes")}</legend>
        <p id={`${base}-scopes-hint`} className="muted field-hint">
          {t("settings.tokens.createScopesHint")}
        </p>
        {TOKEN_SCOPES.map((scope) => (
          <label key={scope} className="settings-check">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            {t(`settings.scopeNames.${scopeKey(scope)}`)} <code>{scope}</code>
          </label>
        ))}
      </fieldset>
      <FormError error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending || name.trim() === ""}>
        {create.isPending ? t("settings.saving") : t("settings.tokens.createSubmit")}
      </button>
    </form>
  );
}
