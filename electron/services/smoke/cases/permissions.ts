import { z } from 'zod';
import type { SmokeCase } from '../smoke-types';

/** The SQL warehouse permission levels of the SDKs' WarehousePermissionLevel (databricks-sdk-py service/sql.py). */
export const WAREHOUSE_LEVELS = ['CAN_VIEW', 'CAN_USE', 'CAN_MONITOR', 'CAN_MANAGE', 'IS_OWNER'];

const LevelsSchema = z.object({ permission_levels: z.array(z.object({ permission_level: z.string(), description: z.string().optional() })).default([]) });

export const PERMISSION_CASES: readonly SmokeCase[] = [
  {
    id: 'permissions.warehouse-levels',
    title: 'Permissions API: SQL warehouse levels',
    expects: `permissionLevels lists known levels (${WAREHOUSE_LEVELS.join(', ')}), CAN_USE among them`,
    doc: 'https://docs.databricks.com/api/workspace/warehouses/getpermissionlevels',
    run: async (ctx) => {
      if (!ctx.warehouseId) return { status: 'skip', observed: {}, reason: 'No SQL warehouse to read: pass --warehouse <id>.' };
      const res = await ctx.rest.get(`/api/2.0/permissions/warehouses/${encodeURIComponent(ctx.warehouseId)}/permissionLevels`, {}, LevelsSchema, 'Reading the warehouse permission levels');
      const levels = res.permission_levels.map((l) => l.permission_level);
      const unknown = levels.filter((l) => !WAREHOUSE_LEVELS.includes(l));
      const observed = { levels };
      if (unknown.length) return { status: 'fail', observed, reason: `Levels the app does not know: ${unknown.join(', ')}.` };
      return levels.includes('CAN_USE') ? { status: 'pass', observed } : { status: 'fail', observed, reason: 'CAN_USE is not among the levels.' };
    },
  },
  {
    id: 'permissions.warehouse-acl',
    title: 'Permissions API: SQL warehouse ACL shape',
    expects: 'GET permissions/warehouses/{id} answers access_control_list entries with all_permissions levels',
    doc: 'https://docs.databricks.com/api/workspace/warehouses/getpermissions',
    run: async (ctx) => {
      if (!ctx.warehouseId) return { status: 'skip', observed: {}, reason: 'No SQL warehouse to read: pass --warehouse <id>.' };
      const Acl = z.object({
        object_type: z.string().optional(),
        access_control_list: z.array(z.object({ all_permissions: z.array(z.object({ permission_level: z.string() })).default([]) }).passthrough()).default([]),
      });
      const r = await ctx.rest.attempt(`/api/2.0/permissions/warehouses/${encodeURIComponent(ctx.warehouseId)}`, 'Reading the warehouse permissions');
      if (!r.ok) return r.code === 'FORBIDDEN' ? { status: 'skip', observed: { appCode: r.code }, reason: 'You may not read this warehouse’s permissions.' } : { status: 'fail', observed: { appCode: r.code }, reason: r.message };
      const acl = await ctx.rest.get(`/api/2.0/permissions/warehouses/${encodeURIComponent(ctx.warehouseId)}`, {}, Acl, 'Reading the warehouse permissions');
      const levels = [...new Set(acl.access_control_list.flatMap((e) => e.all_permissions.map((p) => p.permission_level)))].sort();
      return { status: 'pass', observed: { objectType: acl.object_type ?? null, entries: acl.access_control_list.length, levels } };
    },
  },
];
