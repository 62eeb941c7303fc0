import { assertNever } from '../../../../shared/assert-never';
import type { FormProblem } from '../../ui/form-problems';
import type { SignInForm } from './form-state';

/** The fields checkForm may refuse, in the order the form shows them. */
const ORDER = ['url', 'profile', 'clientId', 'clientSecret', 'redirectUris', 'accountId', 'federationValue', 'token'] as const;
type ProblemKey = (typeof ORDER)[number];

/** The id of each sign-in field's control, so the summary beside "Sign in" can move focus to it. */
export const fieldId = (key: ProblemKey): string => `auth-${key}`;

/** Each field's label as the form shows it (the client id's depends on the method). */
function label(key: ProblemKey, form: SignInForm): string {
  switch (key) {
    case 'url':
      return 'Workspace or account console address';
    case 'profile':
      return 'Profile';
    case 'clientId':
      return form.method === 'oauth-m2m'
        ? 'Service principal application (client) id'
        : form.method === 'token-federation'
          ? 'Service principal application id'
          : 'Client id of your app connection';
    case 'clientSecret':
      return 'OAuth secret';
    case 'redirectUris':
      return 'Redirect URLs';
    case 'accountId':
      return 'Account id';
    case 'federationValue':
      return form.federationSource === 'file' ? 'Path of the file that holds the JWT' : 'Environment variable that holds the JWT';
    case 'token':
      return 'Personal access token';
    default:
      return assertNever(key, 'sign-in field');
  }
}

/** The refused fields, for FormProblems next to the Sign in button (each problem itself is under its field). */
export function signInProblems(problems: Readonly<Partial<Record<keyof SignInForm, string>>>, form: SignInForm): readonly FormProblem[] {
  return ORDER.filter((key) => problems[key] !== undefined).map((key) => ({ label: label(key, form), controlId: fieldId(key) }));
}
