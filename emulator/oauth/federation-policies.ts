import type { JWK } from 'jose';
import { randomHex } from '../identity/ids';

/**
 * A trust rule for RFC 8693 token exchange, modelled on Databricks federation policies' `oidc_policy`
 * (`issuer`, `audiences`, `subject_claim` default `sub`, `subject` for service-principal policies, `jwks_json`;
 * databricks-oauth.md §3.2). The sandbox never fetches keys: the issuer's public JWKS is part of the policy.
 */
export interface FederationPolicy {
  readonly id: string;
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly subjectClaim: string;
  readonly jwks: { readonly keys: readonly JWK[] };
  /** Service-principal (workload identity) federation: only this subject may act as this SP. Absent: account-wide. */
  readonly servicePrincipal?: { readonly applicationId: string; readonly subject: string };
}

export type NewFederationPolicy = Omit<FederationPolicy, 'id' | 'subjectClaim'> & { readonly subjectClaim?: string };

export class FederationPolicies {
  private readonly policies = new Map<string, FederationPolicy>();

  add(policy: NewFederationPolicy): FederationPolicy {
    const stored: FederationPolicy = { ...policy, id: randomHex(8), subjectClaim: policy.subjectClaim ?? 'sub' };
    this.policies.set(stored.id, stored);
    return stored;
  }

  remove(id: string): boolean {
    return this.policies.delete(id);
  }

  list(): readonly FederationPolicy[] {
    return [...this.policies.values()];
  }

  /** Policies that apply to an exchange: the SP's own when `client_id` is sent, otherwise the account-wide ones. */
  applicable(issuer: string, applicationId: string | undefined): readonly FederationPolicy[] {
    return this.list().filter(
      (p) => p.issuer === issuer && (applicationId === undefined ? p.servicePrincipal === undefined : p.servicePrincipal?.applicationId === applicationId),
    );
  }
}
