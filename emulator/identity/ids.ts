import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * A SCIM id shaped like Databricks' (a 16-digit decimal string). Databricks also sends these ids as JSON integers
 * (token `owner_id`, `workspace_id`), so they stay below 2^53 to survive JSON number parsing.
 */
export function newScimId(): string {
  let digits = String(randomInt(1, 9));
  for (let i = 0; i < 15; i += 1) digits += String(randomInt(0, 10));
  return digits;
}

/** A workspace id: Databricks workspace ids are 16-digit integers (databricks-oauth.md §1.1 host metadata). */
export const newWorkspaceId = newScimId;

export function newUuid(): string {
  return randomUUID();
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
