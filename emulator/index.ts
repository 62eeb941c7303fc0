/** The local sandbox Databricks workspace: start it in-process with `startEmulator()` (or `npm run emulator`). */
export { startEmulator, type EmulatorInfo, type EmulatorOptions, type OAuthOptions, type RunningEmulator } from './start';
export type { CatalogSide, CatalogSideFactory, SandboxInfo, SeedName } from './contracts';
export { parseFaultSpec, type FaultSettings } from './faults/fault-spec';
export type { Faults, FaultCounters } from './faults/faults';
export type { LoggedRequest, RequestLog, RequestLogEntry, RequestLogFilter } from './request-log/request-log';
export type { NewFederationPolicy } from './oauth/federation-policies';
export { TestIdentityProvider } from './oauth/test-identity-provider';
