import { z } from 'zod';

/**
 * A user, group or service principal of the governance product (issue 12 §2), as imported from its users file.
 * `attributes` holds every column that is not one of the known ones; an empty cell is an absent attribute.
 */
export const GOVERNANCE_KINDS = ['user', 'group', 'servicePrincipal'] as const;
export type GovernanceKind = (typeof GOVERNANCE_KINDS)[number];

export const GovernanceUserSchema = z.object({
  id: z.string().min(1),
  /** The product's email addresses; the CSV cell and JSON string may list several separated by `;`. */
  emails: z.array(z.string()).readonly(),
  userName: z.string().optional(),
  externalId: z.string().optional(),
  displayName: z.string().optional(),
  active: z.boolean(),
  kind: z.enum(GOVERNANCE_KINDS),
  attributes: z.record(z.string(), z.string()).readonly(),
});
export type GovernanceUser = z.infer<typeof GovernanceUserSchema>;

/** The columns with a meaning of their own; every other column is an attribute. */
export const KNOWN_COLUMNS = ['id', 'email', 'userName', 'externalId', 'displayName', 'active', 'kind'] as const;

/** A problem in the users file, with the 1-based line it is on (the header is line 1 in CSV). */
export const UsersFileProblemSchema = z.object({ line: z.number().int().nonnegative(), message: z.string() });
export type UsersFileProblem = z.infer<typeof UsersFileProblemSchema>;
