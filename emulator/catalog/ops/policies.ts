import { parseTypeText } from '../../sql/types';
import { describeSecurable } from '../authz';
import { ucErrors } from '../errors';
import type { PolicyArg } from '../model';
import type { FunctionRef, TableRef } from '../resolve';
import { touched, type OpContext } from './context';

/**
 * Row filters and column masks (reference §1.6, §1.7, R4–R7): the table's owner (or a parent's), a MANAGE holder
 * or a metastore admin may set them, with EXECUTE on the function and usage on its schema. A filter is a SQL UDF
 * returning BOOLEAN with one parameter per argument; a mask's first parameter binds to the masked column.
 */
function policyFunction(ctx: OpContext, table: TableRef, fnParts: readonly [string, string, string]): FunctionRef {
  if (table.table.tableType === 'VIEW') throw ucErrors.invalidParameter('Row filters and column masks cannot be applied to views.');
  ctx.uc.authz.requireManage(ctx.subject, table);
  const fn = ctx.uc.resolve.function(...fnParts);
  ctx.uc.authz.requireUsage(ctx.subject, fn);
  ctx.uc.authz.require(ctx.subject, fn, 'EXECUTE');
  if (fn.fn.returnType === null) throw ucErrors.routineNotFound(fnParts);
  return fn;
}

function checkColumns(table: TableRef, args: readonly PolicyArg[]): readonly PolicyArg[] {
  return args.map((a) => {
    if (a.kind === 'literal') return a;
    const column = table.table.columns.find((c) => c.name.toLowerCase() === a.name.toLowerCase());
    if (!column) throw ucErrors.unresolvedColumn(a.name);
    return { kind: 'column', name: column.name };
  });
}

function checkArity(fn: FunctionRef, count: number): void {
  if (fn.fn.params.length !== count) {
    throw ucErrors.invalidParameter(
      `Function ${describeSecurable(fn)} takes ${fn.fn.params.length} argument(s) but ${count} were given.`,
    );
  }
}

export function setRowFilter(ctx: OpContext, table: TableRef, fnParts: readonly [string, string, string], args: readonly PolicyArg[]): void {
  const fn = policyFunction(ctx, table, fnParts);
  if (parseTypeText(fn.fn.returnType!).base !== 'boolean') {
    throw ucErrors.invalidParameter(`A row filter function must return BOOLEAN; ${describeSecurable(fn)} returns ${fn.fn.returnType}.`);
  }
  checkArity(fn, args.length);
  const rowFilter = { functionName: [fn.catalog.name, fn.schema.name, fn.fn.name] as const, args: checkColumns(table, args) };
  ctx.uc.store.putTable(touched(ctx, table.table, { rowFilter }));
}

export function dropRowFilter(ctx: OpContext, table: TableRef): void {
  ctx.uc.authz.requireManage(ctx.subject, table);
  ctx.uc.store.putTable(touched(ctx, table.table, { rowFilter: null }));
}

export function setColumnMask(
  ctx: OpContext,
  table: TableRef,
  column: string,
  fnParts: readonly [string, string, string],
  using: readonly PolicyArg[],
): void {
  const fn = policyFunction(ctx, table, fnParts);
  const target = table.table.columns.find((c) => c.name.toLowerCase() === column.toLowerCase());
  if (!target) throw ucErrors.unresolvedColumn(column);
  checkArity(fn, 1 + using.length);
  const mask = {
    column: target.name,
    functionName: [fn.catalog.name, fn.schema.name, fn.fn.name] as const,
    using: checkColumns(table, using),
  };
  const masks = [...table.table.masks.filter((m) => m.column.toLowerCase() !== target.name.toLowerCase()), mask];
  ctx.uc.store.putTable(touched(ctx, table.table, { masks }));
}

export function dropColumnMask(ctx: OpContext, table: TableRef, column: string): void {
  ctx.uc.authz.requireManage(ctx.subject, table);
  if (!table.table.columns.some((c) => c.name.toLowerCase() === column.toLowerCase())) throw ucErrors.unresolvedColumn(column);
  const masks = table.table.masks.filter((m) => m.column.toLowerCase() !== column.toLowerCase());
  ctx.uc.store.putTable(touched(ctx, table.table, { masks }));
}
