import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/types";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { type Member, useAddMember, useChangeRole, useMembers, useRemoveMember } from "./api";
import { Done, FormError } from "./FormMessages";
import { grantableRoles, MIN_PASSWORD_LENGTH, mayAdminister, memberLock } from "./permissions";

interface Me {
  userId: string | null;
  role: Role;
}

/** Who belongs to the organisation with which role; admins and owners add, change and remove. */
export function MembersSection({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const members = useMembers();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [done, setDone] = useState<string | null>(null);
  const admin = mayAdminister(me.role);

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.members.title")}</h2>
      {!admin && <p className="settings-why">{t("settings.members.adminOnly")}</p>}
      {members.error ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.isPending ? (
        <Loading />
      ) : members.data.length === 0 ? (
        <Empty title={t("settings.members.empty")} />
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t("settings.members.name")}</th>
                <th scope="col">{t("settings.members.email")}</th>
                <th scope="col">{t("settings.members.role")}</th>
                {admin && <th scope="col">{t("settings.members.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  me={me}
                  admin={admin}
                  onChangeRole={(role) =>
                    changeRole.mutate(
                      { userId: member.userId, role },
                      {
                        onSuccess: () =>
                          setDone(
                            t("settings.members.roleChanged", {
                              name: member.name,
                              role: t(`settings.roles.${role}`),
                            }),
                          ),
                      },
                    )
                  }
                  onRemove={() =>
                    remove.mutate(member.userId, {
                      onSuccess: () => setDone(t("settings.members.removed", { name: member.name })),
                    })
                  }
                  busy={changeRole.isPending || remove.isPending}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={changeRole.error ?? remove.error} />
      <Done text={done} />
      {admin && <AddMemberForm me={me} onAdded={setDone} />}
    </section>
  );
}

function MemberRow({
  member,
  me,
  admin,
  onChangeRole,
  onRemove,
  busy,
}: {
  member: Member;
  me: Me;
  admin: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(member.role);
  const [confirming, setConfirming] = useState(false);
  const lock = memberLock(me, member);
  const isMe = member.userId === me.userId;
  const roles = grantableRoles(me.role);

  return (
    <tr>
      <td>
        {member.name}
        {isMe && <span className="muted"> ({t("settings.you")})</span>}
      </td>
      <td>{member.email}</td>
      <td>
        {lock === null ? (
          <select
            aria-label={t("settings.members.roleOf", { name: member.name })}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`settings.roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`settings.roles.${member.role}`)
        )}
      </td>
      {admin && (
        <td className="settings-actions">
          {lock === "yourself" || lock === "above" ? (
            <span className="muted">{t(`settings.members.${lock}`)}</span>
          ) : confirming ? (
            <fieldset className="settings-confirm">
              <legend>{t("settings.members.confirmRemove", { name: member.name })}</legend>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  onRemove();
                }}
              >
                {t("settings.members.confirmRemoveButton")}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t("settings.cancel")}
              </button>
            </fieldset>
          ) : (
            <>
              <button
                type="button"
                disabled={busy || role === member.role}
                onClick={() => onChangeRole(role)}
              >
                {t("settings.members.changeRole")}
              </button>
              <button
                type="button"
                aria-label={t("settings.members.removeOf", { name: member.name })}
                onClick={() => setConfirming(true)}
              >
                {t("settings.members.remove")}
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}

function AddMemberForm({ me, onAdded }: { me: Me; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const add = useAddMember();
  const base = useId();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(password ? { password } : {}),
      },
      {
        onSuccess: (member) => {
          onAdded(
            t("settings.members.added", { email: member.email, role: t(`settings.roles.${member.role}`) }),
          );
          setEmail("");
          setName("");
          setPassword("");
        },
      },
    );
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t("settings.members.add")}</h3>
      <div className="settings-fields">
        <label htmlFor={`${base}-email`}>{t("settings.members.email")}</label>
        <input
          id={`${base}-email`}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={`${base}-name`}>{t("settings.members.addName")}</label>
        <input
          id={`${base}-name`}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${base}-role`}>{t("settings.members.role")}</label>
        <select id={`${base}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {grantableRoles(me.role).map((r) => (
            <option key={r} value={r}>
              {t(`settings.roles.${r}`)} — {t(`settings.roleHints.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${base}-password`}>{t("settings.members.addPassword")}</label>
        <div>
          <input
            id={`${base}-password`}
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby={`${base}-password-hint`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id={`${base}-password-hint`} className="muted field-hint">
            {t("settings.members.addPasswordHint")}
          </p>
        </div>
      </div>
      <FormError error={add.error} />
      <button type="submit" className="primary" disabled={add.isPending}>
        {add.isPending ? t("settings.saving") : t("settings.members.addSubmit")}
      </button>
    </form>
  );
}
