import { join } from 'node:path';
import { createEventHub } from '../gateway/event-hub';
import { createGateway } from '../gateway/gateway';
import type { Handlers } from '../gateway/handlers';
import { setupApp } from '../handlers/app';
import { setupAuth } from '../handlers/auth';
import { setupIntegration } from '../handlers/integration';
import { setupMetadata } from '../handlers/metadata';
import { setupPolicies } from '../handlers/policies';
import { setupSession } from '../handlers/session';
import { setupTask } from '../handlers/task';
import { setupUsers } from '../handlers/users';
import { createEventLogSink } from '../logging/event-sink';
import { redactText } from '../logging/redact-text';
import { createIntegrationStore } from '../services/integration/integration-record';
import { createIntegrationService } from '../services/integration/integration-service';
import { createMetadataService } from '../services/metadata/metadata-service';
import { createPoliciesService } from '../services/policies/policies-service';
import { NO_SANDBOX } from '../services/session/sandbox-launcher';
import { createSessionService } from '../services/session/session-service';
import { createTaskRegistry } from '../services/tasks/task-registry';
import { createCaTrustSettings } from '../services/trust/ca-trust-settings';
import { createUsersService } from '../services/users/users-service';
import { createSecretVault } from '../services/vault/secret-vault';
import type { MainApp, MainPorts } from './main-ports';

export type { MainApp, MainPorts } from './main-ports';

/**
 * The main process, host-independent: services built from ports, one `setupX()` per contract domain, all wired
 * here and nowhere else (Fiddle's `onReady()` list). Electron (`main/index.ts`), the browser harness and tests all
 * call this, so they run the same gateway and services.
 *
 * To add a domain: declare it in `shared/contract/`, write `handlers/<domain>.ts` exporting `setup<Domain>(deps)`,
 * build its services below from `ports`, and add one line to `handlers` (a missing domain is a type error).
 */
export async function composeMain(ports: MainPorts): Promise<MainApp> {
  const { logger } = ports;
  const events = createEventHub(logger.child('events'));
  const detachLogEvents = logger.attach(createEventLogSink(events));

  // Trust first: restoring the session below may already connect.
  const caTrust = createCaTrustSettings({ kv: ports.kv, logger: logger.child('trust') });
  await caTrust.load();

  // Services.
  const tasks = createTaskRegistry({ events, clock: ports.clock, logger: logger.child('tasks') });
  const vault = createSecretVault({ cipher: ports.cipher, blobs: ports.blobs, logger: logger.child('vault') });
  const session = createSessionService({
    kv: ports.kv,
    vault,
    clock: ports.clock,
    logger: logger.child('session'),
    events,
    tasks,
    browser: ports.browser,
    externalUrls: ports.externalUrls,
    sandbox: ports.sandbox ?? NO_SANDBOX,
  });
  await session.restore();
  const integrationStore = createIntegrationStore(ports.kv, logger.child('integration'));
  const integration = createIntegrationService({
    store: integrationStore,
    kv: ports.kv,
    vault,
    connections: session,
    tasks,
    events,
    clock: ports.clock,
    logger: logger.child('integration'),
    fileSaver: ports.fileSaver,
  });
  const policies = createPoliciesService({
    store: integrationStore,
    kv: ports.kv,
    vault,
    connections: session,
    tasks,
    events,
    clock: ports.clock,
    logger: logger.child('policies'),
    fileSaver: ports.fileSaver,
  });
  const users = createUsersService({
    store: integrationStore,
    kv: ports.kv,
    vault,
    connections: session,
    tasks,
    events,
    clock: ports.clock,
    logger: logger.child('users'),
    fileSaver: ports.fileSaver,
  });
  // "Disconnect and uninstall" runs the uninstall plan on the connection before its tokens are revoked.
  session.setUninstaller((connection, signal) => integration.uninstallOnDisconnect(connection, signal));
  const metadata = createMetadataService({
    connections: session,
    tasks,
    events,
    clock: ports.clock,
    logger: logger.child('metadata'),
    kv: ports.kv,
    dataDir: join(ports.userDataDir, 'metadata'),
    crawlTarget: async () => (await integration.view()).settings?.config ?? null,
  });

  const handlers: Handlers = {
    app: setupApp({
      host: ports.host,
      platform: ports.platform ?? process.platform,
      cipher: ports.cipher,
      logger: logger.child('app'),
      recentLogs: (limit) => logger.recent(limit),
      // Local state set aside, and saved secrets the vault could not read (damaged, or the keychain refused).
      startupNotices: () => [...ports.startupNotices(), ...vault.notices()],
      caTrust,
    }),
    auth: setupAuth({ session }),
    integration: setupIntegration({ integration }),
    metadata: setupMetadata({ metadata }),
    policies: setupPolicies({ policies }),
    session: setupSession({ session }),
    task: setupTask({ tasks }),
    users: setupUsers({ users }),
  };

  const gateway = createGateway({
    handlers,
    policy: ports.policy,
    logger: logger.child('gateway'),
    redact: redactText,
  });
  logger.info('main process ready', { host: ports.host });

  return {
    gateway,
    events,
    tasks,
    session,
    async dispose() {
      tasks.cancelAll();
      await session.dispose();
      await metadata.dispose();
      detachLogEvents();
      await logger.flush();
    },
  };
}
