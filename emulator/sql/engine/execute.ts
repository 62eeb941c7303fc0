import { assertNever } from '../../../shared/result';
import type { UnityCatalog } from '../../catalog/unity-catalog';
import { parseStatement } from '../parse/statement';
import { runAlter, runDrop, runGrant } from './exec-alter';
import { runCreate } from './exec-create';
import { runDescribe, runShowColumns } from './exec-describe';
import { runShowGrants } from './exec-grants';
import { runInsert, runMerge, runQuery, runUpdateOrDelete } from './exec-query';
import { runPolicyStatement } from './exec-policy';
import { runShow } from './exec-show';
import { emptySource } from './result-source';
import { makeExec, newCancellation, type BoundParameters, type Cancellation, type Execution, type SqlSession } from './session';

/**
 * Runs one Databricks SQL statement for a session's principal against the metastore. Errors are UcErrors with a
 * Databricks error class and SQLSTATE; anything the parser does not understand is a PARSE_SYNTAX_ERROR.
 */
export async function executeSql(
  uc: UnityCatalog,
  session: SqlSession,
  sql: string,
  statementId: string,
  params: BoundParameters,
  cancellation: Cancellation = newCancellation(),
): Promise<Execution> {
  const st = parseStatement(sql);
  const exec = makeExec(uc, session, statementId, params, cancellation);
  switch (st.type) {
    case 'query':
      return runQuery(exec, st.tokens);
    case 'insert':
      return runInsert(exec, st);
    case 'update':
    case 'delete':
      return runUpdateOrDelete(exec, st);
    case 'merge':
      return runMerge(exec, st);
    case 'create-catalog':
    case 'create-schema':
    case 'create-table':
    case 'create-view':
    case 'create-volume':
    case 'create-function':
      return runCreate(exec, st);
    case 'drop':
      return runDrop(exec, st);
    case 'grant':
    case 'revoke':
      return runGrant(exec, st);
    case 'show-grants':
      return runShowGrants(exec, st);
    case 'set-owner':
    case 'set-comment':
    case 'rename':
    case 'set-row-filter':
    case 'drop-row-filter':
    case 'set-mask':
    case 'drop-mask':
    case 'set-tags':
    case 'unset-tags':
    case 'add-columns':
    case 'alter-column-comment':
      return runAlter(exec, st);
    case 'show':
      return runShow(exec, st);
    case 'show-columns':
    case 'show-create-table':
      return runShowColumns(exec, st);
    case 'describe':
      return runDescribe(exec, st);
    case 'use': {
      if (st.kind === 'CATALOG') {
        session.catalog = uc.resolve.catalog(st.name[0]!).catalog.name;
      } else {
        const [catalog, schema] = st.name.length === 2 ? [st.name[0]!, st.name[1]!] : [session.catalog, st.name[0]!];
        const ref = uc.resolve.schema(catalog, schema);
        session.catalog = ref.catalog.name;
        session.schema = ref.schema.name;
      }
      return { source: emptySource(), statementType: 'USE', modifiedRows: null };
    }
    case 'create-policy':
    case 'drop-policy':
    case 'show-policies':
    case 'describe-policy':
      return runPolicyStatement(exec, st);
    case 'set-config':
      return { source: emptySource(), statementType: 'SET', modifiedRows: null };
    default:
      return assertNever(st, 'statement');
  }
}
