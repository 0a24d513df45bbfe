import type { Measurement, Plan } from "@shihyo/engine";
import * as apiTokens from "./repositories/apiTokens.js";
import * as auditLog from "./repositories/auditLog.js";
import * as comments from "./repositories/comments.js";
import { atomic, type Context } from "./repositories/context.js";
import * as measurements from "./repositories/measurements.js";
import * as organizations from "./repositories/organizations.js";
import * as plans from "./repositories/plans.js";
import * as sessions from "./repositories/sessions.js";
import * as targets from "./repositories/targets.js";
import type { Actor, AuditFilter, MeasurementFilter, Page, Role, Store } from "./storeApi.js";

/**
 * The Store on Kysely, the same for both dialects: each method is a repository function
 * over this store's context (the pool/connection, or the transaction it was handed).
 */
export class KyselyStore implements Store {
  readonly dialect: "sqlite" | "postgres";

  constructor(
    private readonly ctx: Context,
    private readonly shutDown: (() => Promise<void>) | null,
  ) {
    this.dialect = ctx.dialect;
  }

  async close(): Promise<void> {
    if (!this.shutDown)
      throw new Error("A transaction's store cannot be closed; close the store it came from.");
    await this.shutDown();
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.ctx.inTransaction) return fn(this);
    return atomic(this.ctx, (tx) => fn(new KyselyStore(tx, null)));
  }

  createOrganization(input: { slug: string; name: string }) {
    return organizations.createOrganization(this.ctx, input);
  }
  getOrganizationBySlug(slug: string) {
    return organizations.getOrganizationBySlug(this.ctx, slug);
  }
  listOrganizationsOfUser(userId: string) {
    return organizations.listOrganizationsOfUser(this.ctx, userId);
  }
  getOrganization(id: string) {
    return organizations.getOrganization(this.ctx, id);
  }
  renameOrganization(actor: Actor, name: string) {
    return organizations.renameOrganization(this.ctx, actor, name);
  }
  listOrganizations() {
    return organizations.listOrganizations(this.ctx);
  }
  countOrganizations() {
    return organizations.countOrganizations(this.ctx);
  }
  createUser(input: { email: string; name: string; passwordHash: string; locale?: "ja" | "en" | null }) {
    return organizations.createUser(this.ctx, input);
  }
  getUserByEmail(email: string) {
    return organizations.getUserByEmail(this.ctx, email);
  }
  getUser(id: string) {
    return organizations.getUser(this.ctx, id);
  }
  countUsers() {
    return organizations.countUsers(this.ctx);
  }
  updateUser(actor: Actor, input: { name?: string; locale?: "ja" | "en" | null }) {
    return organizations.updateUser(this.ctx, actor, input);
  }
  getPasswordHash(userId: string) {
    return organizations.getPasswordHash(this.ctx, userId);
  }
  setPassword(actor: Actor, input: { passwordHash: string; keepSessionId: string }) {
    return organizations.setPassword(this.ctx, actor, input);
  }
  setEmail(actor: Actor, email: string) {
    return organizations.setEmail(this.ctx, actor, email);
  }
  createFirstOwner(input: Parameters<Store["createFirstOwner"]>[0]) {
    return organizations.createFirstOwner(this.ctx, input);
  }
  addMembership(actor: Actor | null, input: { orgId: string; userId: string; role: Role }) {
    return organizations.addMembership(this.ctx, actor, input);
  }
  setMembershipRole(actor: Actor, input: { userId: string; role: Role }) {
    return organizations.setMembershipRole(this.ctx, actor, input);
  }
  removeMembership(actor: Actor, userId: string) {
    return organizations.removeMembership(this.ctx, actor, userId);
  }
  listMemberships(orgId: string) {
    return organizations.listMemberships(this.ctx, orgId);
  }
  getMembership(orgId: string, userId: string) {
    return organizations.getMembership(this.ctx, orgId, userId);
  }

  createSession(input: { userId: string; orgId: string; ttlSeconds: number }) {
    return sessions.createSession(this.ctx, input);
  }
  getSession(id: string) {
    return sessions.getSession(this.ctx, id);
  }
  deleteSession(id: string) {
    return sessions.deleteSession(this.ctx, id);
  }
  deleteOtherSessions(actor: Actor, keepSessionId: string) {
    return sessions.deleteOtherSessions(this.ctx, actor, keepSessionId);
  }
  deleteExpiredSessions() {
    return sessions.deleteExpiredSessions(this.ctx);
  }
  countLoginAttempt(key: string, windowSeconds: number) {
    return sessions.countLoginAttempt(this.ctx, key, windowSeconds);
  }

  createApiToken(actor: Actor, input: { name: string; role: Role; scopes: string[] }) {
    return apiTokens.createApiToken(this.ctx, actor, input);
  }
  authenticateApiToken(secret: string) {
    return apiTokens.authenticateApiToken(this.ctx, secret);
  }
  listApiTokens(orgId: string) {
    return apiTokens.listApiTokens(this.ctx, orgId);
  }
  revokeApiToken(actor: Actor, id: string) {
    return apiTokens.revokeApiToken(this.ctx, actor, id);
  }

  createPlan(actor: Actor, plan: Plan) {
    return plans.createPlan(this.ctx, actor, plan);
  }
  listPlans(orgId: string) {
    return plans.listPlans(this.ctx, orgId);
  }
  getPlanSummary(orgId: string, planId: string) {
    return plans.getPlanSummary(this.ctx, orgId, planId);
  }
  getPlan(orgId: string, planId: string) {
    return plans.getPlan(this.ctx, orgId, planId);
  }
  replacePlan(actor: Actor, planId: string, plan: Plan, ifVersion: number) {
    return plans.replacePlan(this.ctx, actor, planId, plan, ifVersion);
  }
  deletePlan(actor: Actor, planId: string, ifVersion: number) {
    return plans.deletePlan(this.ctx, actor, planId, ifVersion);
  }

  listTargets(orgId: string, planId: string) {
    return targets.listTargets(this.ctx, orgId, planId);
  }
  setTarget(actor: Actor, input: targets.SetTargetInput) {
    return targets.setTarget(this.ctx, actor, input);
  }
  listTargetRevisions(orgId: string, planId: string, nodeId?: string) {
    return targets.listTargetRevisions(this.ctx, orgId, planId, nodeId);
  }

  ingestMeasurements(actor: Actor, input: { planId: string; rows: Measurement[]; source: string }) {
    return measurements.ingestMeasurements(this.ctx, actor, input);
  }
  listMeasurements(orgId: string, planId: string, filter?: MeasurementFilter) {
    return measurements.listMeasurements(this.ctx, orgId, planId, filter);
  }
  listSegments(orgId: string, planId: string, filter?: { nodeId?: string }) {
    return measurements.listSegments(this.ctx, orgId, planId, filter);
  }
  measurementsChangedSince(orgId: string, planId: string, since: number) {
    return measurements.measurementsChangedSince(this.ctx, orgId, planId, since);
  }
  measurementHistory(orgId: string, planId: string, nodeId: string) {
    return measurements.measurementHistory(this.ctx, orgId, planId, nodeId);
  }

  addComment(actor: Actor, input: { planId: string; nodeId: string; body: string }) {
    return comments.addComment(this.ctx, actor, input);
  }
  listComments(orgId: string, planId: string, nodeId?: string) {
    return comments.listComments(this.ctx, orgId, planId, nodeId);
  }
  listAudit(orgId: string, page?: Page & AuditFilter) {
    return auditLog.listAudit(this.ctx, orgId, page);
  }
}
