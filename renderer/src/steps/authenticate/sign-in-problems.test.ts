import { describe, expect, it } from 'vitest';
import { checkForm, EMPTY_FORM } from './form-state';
import { fieldId, signInProblems } from './sign-in-problems';

describe('the refused sign-in fields beside the Sign in button', () => {
  it('names each refused field by its label, in form order, and points at its control', () => {
    const form = { ...EMPTY_FORM, url: '', method: 'oauth-m2m' as const };
    const check = checkForm(form);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(signInProblems(check.problems, form)).toEqual([
      { label: 'Workspace or account console address', controlId: fieldId('url') },
      { label: 'Service principal application (client) id', controlId: fieldId('clientId') },
      { label: 'OAuth secret', controlId: fieldId('clientSecret') },
    ]);
  });

  it('lists nothing when nothing was refused', () => {
    expect(signInProblems({}, EMPTY_FORM)).toEqual([]);
  });
});
