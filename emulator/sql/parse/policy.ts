import { ucErrors } from '../../catalog/errors';
import type { PolicyOnSpec, Statement, TagConditionSpec } from './ast';
import type { Cursor } from './cursor';
/** A principal as GRANT takes it (alter.ts's parsePrincipal; not imported, alter.ts imports this file). */
const parsePrincipal = (c: Cursor): string => c.stringOrIdentifier();

/**
 * ABAC policy statements, as documented:
 * CREATE [OR REPLACE] POLICY https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy
 * DROP POLICY https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-drop-policy
 * SHOW [EFFECTIVE] POLICIES https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-show-policies
 * DESCRIBE POLICY https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-describe-policy
 * Conditions are the tag functions the docs use: hasTag('k') / hasTagValue('k', 'v') (also has_tag, has_tag_value).
 */
export function parsePolicyOn(c: Cursor): PolicyOnSpec {
  if (c.acceptWord('CATALOG')) return { kind: 'CATALOG', name: c.qualifiedName(1) };
  if (c.acceptWord('SCHEMA')) return { kind: 'SCHEMA', name: c.qualifiedName(2) };
  if (c.acceptWord('TABLE')) return { kind: 'TABLE', name: c.qualifiedName(3) };
  if (c.isWord('METASTORE')) throw ucErrors.unsupported('metastore-level policies in the sandbox');
  return c.fail();
}

function tagCondition(c: Cursor): TagConditionSpec {
  const fn = c.identifier().toLowerCase();
  const withValue = fn === 'hastagvalue' || fn === 'has_tag_value';
  if (!withValue && fn !== 'hastag' && fn !== 'has_tag') throw ucErrors.unsupported(`the condition function ${fn} in the sandbox (it knows hasTag and hasTagValue)`);
  c.expectOp('(');
  const key = c.string();
  let value: string | null = null;
  if (withValue) {
    c.expectOp(',');
    value = c.string();
  }
  c.expectOp(')');
  return { key, value };
}

const principals = (c: Cursor): string[] => {
  const out = [parsePrincipal(c)];
  while (c.acceptOp(',')) out.push(parsePrincipal(c));
  return out;
};

/** After `CREATE [OR REPLACE] POLICY`. */
export function parseCreatePolicy(c: Cursor, orReplace: boolean): Statement {
  const name = c.identifier();
  c.expectWord('ON');
  const on = parsePolicyOn(c);
  const comment = c.acceptWord('COMMENT') ? c.string() : null;
  let policyType: 'ROW_FILTER' | 'COLUMN_MASK';
  if (c.acceptWord('ROW', 'FILTER')) policyType = 'ROW_FILTER';
  else {
    c.expectWord('COLUMN', 'MASK');
    policyType = 'COLUMN_MASK';
  }
  const fn = c.qualifiedName();
  c.expectWord('TO');
  const to = principals(c);
  const except = c.acceptWord('EXCEPT') ? principals(c) : [];
  c.expectWord('FOR', 'TABLES');
  const when = c.acceptWord('WHEN') ? tagCondition(c) : null;
  const match: { condition: TagConditionSpec; alias: string | null }[] = [];
  if (c.acceptWord('MATCH', 'COLUMNS')) {
    do {
      const condition = tagCondition(c);
      const alias = c.acceptWord('AS') || (c.isIdentifier() && !c.isWord('ON') && !c.isWord('USING')) ? c.identifier() : null;
      match.push({ condition, alias });
    } while (c.acceptOp(','));
  }
  let onColumn: string | null = null;
  if (policyType === 'COLUMN_MASK') {
    c.expectWord('ON', 'COLUMN');
    onColumn = c.identifier();
  }
  const using: ({ kind: 'alias'; alias: string } | { kind: 'literal'; sql: string })[] = [];
  if (c.acceptWord('USING', 'COLUMNS')) {
    c.expectOp('(');
    while (!c.isOp(')')) {
      if (c.isIdentifier() && !c.isWord('NULL') && !c.isWord('TRUE') && !c.isWord('FALSE')) using.push({ kind: 'alias', alias: c.identifier() });
      else {
        const from = c.pos;
        while (!c.isOp(',') && !c.isOp(')') && c.peek().kind !== 'eof') c.next();
        using.push({ kind: 'literal', sql: c.text(from, c.pos) });
      }
      if (!c.acceptOp(',')) break;
    }
    c.expectOp(')');
  }
  c.expectEnd();
  return { type: 'create-policy', orReplace, name, on, comment, policyType, fn, to, except, when, match, onColumn, using };
}

/** After `DROP POLICY`. */
export function parseDropPolicy(c: Cursor): Statement {
  const name = c.identifier();
  c.expectWord('ON');
  const on = parsePolicyOn(c);
  c.expectEnd();
  return { type: 'drop-policy', name, on };
}

/** After `SHOW`, at `[EFFECTIVE] POLICIES`. */
export function parseShowPolicies(c: Cursor): Statement {
  const effective = c.acceptWord('EFFECTIVE');
  c.expectWord('POLICIES');
  c.expectWord('ON');
  const on = parsePolicyOn(c);
  c.expectEnd();
  return { type: 'show-policies', effective, on };
}

/** After `DESCRIBE POLICY`. */
export function parseDescribePolicy(c: Cursor): Statement {
  const name = c.identifier();
  c.expectWord('ON');
  const on = parsePolicyOn(c);
  c.expectEnd();
  return { type: 'describe-policy', name, on };
}
