import type { ValidationReport } from '../../../shared/integration/validation-types';
import { workSignal, type IntegrationDeps } from './integration-deps';
import { configWithSchemas } from './saved-config';
import { runValidation } from './validation/run-validation';
import { enableSystemSchema, metastoreSummary, systemSchemaStates } from './validation/uc-lookups';

export function createValidationService(deps: IntegrationDeps) {
  return {
    /** Runs the tests as a task (progress per test, cancel) and keeps the report as the last validation. */
    async validate(taskId: string): Promise<ValidationReport> {
      // Only missing lists are read: a schema created since the lists were made is what validation reports.
      const { config, connection } = await configWithSchemas(deps, 'missing');
      const report = await deps.tasks.run(taskId, { label: 'Running the validation tests…' }, (task) =>
        runValidation({
          config,
          connection,
          signal: workSignal(task.signal, connection),
          now: () => deps.clock.now(),
          logger: deps.logger.child('validation'),
          onProgress: (done, total, label) => task.progress({ done, total, label }),
        }),
      );
      await deps.store.update((r) => ({ ...r, lastValidation: report }));
      deps.logger.info('validation finished', { status: report.status, failed: report.tests.filter((t) => t.status === 'failed').map((t) => t.id) });
      return report;
    },
    /** The fix of a failed system-schema test (reference §3.4): PUT, then read the state back. */
    async enableSystemSchema(schema: 'access' | 'query'): Promise<{ schema: string; state: string }> {
      const { rest, signal } = deps.connections.requireConnection();
      const { metastore_id: id } = await metastoreSummary(rest, signal);
      await enableSystemSchema(rest, id, schema, signal);
      const state = (await systemSchemaStates(rest, id, signal)).get(schema) ?? 'UNKNOWN';
      deps.logger.info('system schema enabled', { schema, state });
      return { schema, state };
    },
  };
}
