/**
 * What `ucbridge init` writes when nobody is at a terminal to answer: every field with a comment saying what it is
 * and where to find it, and a `<placeholder>` wherever only the user knows the value. Each placeholder fails
 * validation until replaced (not a URL, not a warehouse path, not a UUID), so a half-filled file is never used.
 */
export const EXAMPLE_CONFIG = `// ucbridge integration config. Replace every <placeholder>, then check it with:
//   ucbridge validate --config <this file>
// Comments (// and /* */) are allowed. Run ucbridge init on a terminal to pick the values from your workspace.
{
  // The workspace address, as in your browser: https://<name>.cloud.databricks.com,
  // https://adb-<id>.<n>.azuredatabricks.net or https://<id>.<n>.gcp.databricks.com.
  "workspaceUrl": "https://<workspace-host>",

  // The SQL warehouse the integration runs on: its HTTP path, from the warehouse's "Connection details" tab.
  "httpPath": "/sql/1.0/warehouses/<warehouse-id>",

  // The catalog ucbridge creates for the integration's own tables: letters, digits and underscores.
  "catalog": "ucbridge",

  // Query audit reads the system tables system.access.* and system.query.history; true or false.
  "audit": { "enabled": false },

  // The service principal the governance product runs as: its application id (a UUID), from
  // Settings > Identity and access > Service principals.
  "servicePrincipal": { "applicationId": "<service-principal-application-id>" },

  // The catalogs the governance product governs on this workspace.
  "governedCatalogs": ["<catalog>"],

  // Where the service principal gets MANAGE: "catalog" (on each governed catalog, as the governance product's guide
  // requires; it may then also drop the catalog) or "schema" (on each of its schemas: it cannot drop the catalog).
  "manageScope": "catalog",

  // With "schema" only: per governed catalog, its schemas. Left out, ucbridge reads them from the workspace
  // (export-script, which is offline, needs them here: SHOW SCHEMAS IN <catalog> lists them).
  // "governedSchemas": { "<catalog>": ["<schema>"] },

  // Optional: a cloud storage URL for the integration catalog's managed storage, inside an external location.
  // Left out, the metastore's root storage is used.
  // "storageLocation": "s3://<bucket>/<path>",

  // Other workspaces whose catalogs are governed too, each with its own warehouse.
  "additionalWorkspaceConnections": []
}
`;
