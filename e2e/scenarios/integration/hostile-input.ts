import { expect } from '@playwright/test';
import { inspect } from '../inspect';
import { focused } from '../wizard';
import type { IntegrationScenario } from './integration-host';
import { stepTwo } from './step-two';

export const hostileInput: IntegrationScenario = {
  title: 'a hostile catalog name is refused inline, nothing is saved, and focus goes to the first field to fix',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    await s.catalog.fill('x`; DROP CATALOG sales; --');
    const problem = s.integration.getByRole('alert');
    await expect(problem).toContainText('letters, digits and underscores');
    await expect(s.catalog).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await s.catalog.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy!.split(' ').pop()}"]`)).toContainText('letters, digits and underscores');

    const before = await page.getByTestId('ci-validation-results').count();
    await page.getByRole('button', { name: 'Save and validate' }).click();
    // The first invalid field in the form's order gets focus; nothing was sent to be saved.
    await expect(page.locator(':focus')).toHaveAttribute('aria-invalid', 'true');
    expect((await focused(page)).tag).toBe('input');
    await expect(page.getByTestId('ci-validation-results')).toHaveCount(before);
    await inspect(page, host, 'ci-refused');

    await s.catalog.fill('9lives');
    await expect(problem).toContainText('not starting with a digit');
    await s.catalog.fill('good_name');
    await expect(s.integration.getByRole('alert')).toHaveCount(0);
    await expect(s.integration).toContainText('Stored lower-case as good_name');
  },
};
