import pkg from '../package.json';

export const PRODUCT_VERSION: string = pkg.version;

/**
 * The partner User-Agent, `<isv-name_product-name>/<product-version>` (Databricks partner telemetry: the
 * underscore is the required separator). Every request to Databricks carries it: REST, OAuth discovery, token and
 * revocation calls, and the SQL driver's `userAgentEntry`.
 */
export const PARTNER_USER_AGENT = `ucbridge_desktop/${PRODUCT_VERSION}`;
