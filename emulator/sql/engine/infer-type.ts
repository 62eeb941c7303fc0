import type { Statement } from '../parse/ast';
import { tokenize } from '../parse/lexer';
import { childScope } from '../rewrite/context';
import { QUERY_WORDS, rewriteTokens } from '../rewrite/walker';
import { formatType, parseTypeText, toDuckType, typeFromDuck } from '../types';
import type { Exec } from './session';
import { withConnection } from './with-connection';

/** A SQL UDF without RETURNS gets the type of its body (R3), found by asking DuckDB with typed NULL arguments. */
export async function inferReturnType(exec: Exec, st: Extract<Statement, { type: 'create-function' }>, catalog: string, schema: string): Promise<string> {
  const params = new Map(st.params.map((p) => [p.name.toLowerCase(), `CAST(NULL AS ${toDuckType(parseTypeText(p.typeText))})`]));
  const tokens = tokenize(st.body);
  const isQuery = tokens[0]?.kind === 'word' && QUERY_WORDS.has(tokens[0].value.toUpperCase());
  const body = rewriteTokens(tokens, childScope(exec.scope, { catalog, schema, params }), isQuery ? 'query' : 'expr');
  return withConnection(exec.uc, async (c) => {
    const r = await c.run(`SELECT (${body}) AS v LIMIT 0`);
    return formatType(typeFromDuck(r.columnType(0)));
  });
}
