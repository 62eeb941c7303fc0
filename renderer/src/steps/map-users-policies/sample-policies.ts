/**
 * A policy file for the sandbox's demo data (Lakeside Outfitters), offered as a starting point: one of each kind.
 * Users' `region` attributes are read from the integration catalog's principal_attributes table.
 */
export const SAMPLE_POLICIES = `{
  "policies": [
    { "name": "analysts-read-stores", "type": "grant", "privileges": ["SELECT"], "securable": "main.sales.stores", "principals": ["data-analysts"] },
    { "name": "hash-emails", "type": "columnMask", "method": "hash", "columns": ["main.sales.customers.email"], "exempt": ["data-governance"] },
    { "name": "phones-last4", "type": "columnMask", "method": { "keepLast": 4 }, "tag": { "key": "pii", "value": "phone" }, "scope": "main", "exempt": ["data-governance"] },
    { "name": "orders-by-region", "type": "rowFilter", "table": "main.sales.orders", "column": "region", "match": { "userAttribute": "region" }, "exempt": ["data-governance"] },
    { "name": "stores-by-group", "type": "rowFilter", "table": "main.sales.stores", "column": "region", "match": { "groupValues": { "finance-analysts": ["*"], "data-analysts": ["NA", "EMEA"] } }, "exempt": ["data-governance"] }
  ]
}
`;
