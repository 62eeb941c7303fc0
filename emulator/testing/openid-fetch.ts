import type * as oidc from 'openid-client';
import { fetch as undiciFetch, type Agent } from 'undici';

type CustomFetch = NonNullable<oidc.DiscoveryRequestOptions[typeof oidc.customFetch]>;

/** openid-client's `customFetch` through an undici Agent that trusts the sandbox CA (TLS checks stay on). */
export function openidFetch(agent: Agent): CustomFetch {
  return ((url: string, options: Parameters<CustomFetch>[1]) =>
    undiciFetch(url, { ...(options as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1])) as unknown as CustomFetch;
}
