import { expect, type Locator, type Page } from '@playwright/test';
import { wizard } from '../wizard';

/** Locators and actions for step 2, by role and label where a person would find things that way. */
export function stepTwo(page: Page) {
  const section = (name: string): Locator => page.getByRole('region', { name, exact: true });
  return {
    section,
    warehouse: section('Warehouse'),
    integration: section('Integration'),
    principal: section('Service principal'),
    validate: section('Validate'),
    plan: section('Plan'),
    apply: section('Apply'),
    catalog: page.getByRole('textbox', { name: 'Integration catalog' }),
    planSteps: page.getByTestId('ci-plan-setup').getByTestId('plan-step'),

    async open(): Promise<void> {
      const w = wizard(page);
      await w.stepButton('configure-integration').click();
      await expect(w.heading).toHaveText('Configure integration');
      await expect(section('Warehouse')).toBeVisible();
    },

    /** Warehouse, catalog, service principal, audit: the basics every scenario fills in the same way. */
    async fillBasics(o: { readonly warehouse: string; readonly catalog: string; readonly servicePrincipal: string; readonly governed?: string }): Promise<void> {
      await section('Warehouse').getByRole('radio', { name: new RegExp(o.warehouse) }).check();
      await expect(page.getByTestId('warehouse-http-path')).toContainText('/sql/1.0/warehouses/');
      await this.catalog.fill(o.catalog);
      const audit = page.getByRole('checkbox', { name: /Query audit/ });
      await audit.check();
      if (o.governed) {
        const governed = page.getByTestId('ci-governed');
        if ((await governed.getByRole('button', { name: `Remove ${o.governed}` }).count()) === 0) {
          await page.getByRole('textbox', { name: 'Catalog to govern' }).fill(o.governed);
          await page.getByRole('button', { name: 'Add catalog' }).click();
        }
        await expect(governed.getByRole('button', { name: `Remove ${o.governed}` })).toBeVisible();
      }
      const principal = section('Service principal');
      await principal.getByRole('searchbox', { name: 'Search by name' }).fill(o.servicePrincipal);
      await principal.getByRole('radio', { name: new RegExp(o.servicePrincipal) }).check();
      await expect(page.getByTestId('ci-sp-chosen')).toContainText(o.servicePrincipal);
    },

    async saveAndValidate(): Promise<Locator> {
      await page.getByRole('button', { name: 'Save and validate' }).click();
      const results = page.getByTestId('ci-validation-results');
      await expect(results).toBeVisible({ timeout: 30_000 });
      await expect(section('Validate').getByRole('heading', { name: 'Validate' })).toBeFocused();
      return results;
    },

    async previewPlan(): Promise<void> {
      await page.getByTestId('ci-plan-run').click();
      await expect(page.getByTestId('ci-plan-setup')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('ci-plan-run')).toHaveText('Plan again');
    },
  };
}
