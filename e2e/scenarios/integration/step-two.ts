import { expect, type Locator, type Page } from '@playwright/test';
import { wizard } from '../wizard';

/** Step 2's parts, as the sub-step navigation names them. */
export type StepTwoPart = 'Settings' | 'Check' | 'Set up' | 'Manage';

const PART_IDS: Readonly<Record<StepTwoPart, string>> = { Settings: 'settings', Check: 'check', 'Set up': 'setup', Manage: 'manage' };

/** Locators and actions for step 2, by role and label where a person would find things that way. */
export function stepTwo(page: Page) {
  const section = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const parts = page.getByRole('navigation', { name: 'Configure integration: parts' });
  return {
    section,
    parts,
    warehouse: section('Warehouse'),
    integration: section('Integration'),
    principal: section('Service principal'),
    validate: section('Validate'),
    plan: section('Plan'),
    apply: section('Apply'),
    catalog: page.getByRole('combobox', { name: 'Integration catalog' }),
    planSteps: page.getByTestId('ci-plan-setup').getByTestId('plan-step'),
    partButton: (part: StepTwoPart): Locator => parts.locator(`button[data-substep="${PART_IDS[part]}"]`),

    /** Opens step 2 on its Settings part. */
    async open(): Promise<void> {
      const w = wizard(page);
      await w.stepButton('configure-integration').click();
      await expect(w.heading).toHaveText('Configure integration');
      await this.goTo('Settings');
      await expect(section('Warehouse')).toBeVisible();
    },

    /** Opens one part through the sub-step navigation; it is then the current one. */
    async goTo(part: StepTwoPart): Promise<void> {
      await this.partButton(part).click();
      await expect(this.partButton(part)).toHaveAttribute('aria-current', 'step');
    },

    /** Warehouse, catalog, service principal, audit (Settings): the basics every scenario fills in the same way. */
    async fillBasics(o: { readonly warehouse: string; readonly catalog: string; readonly servicePrincipal: string; readonly governed?: string }): Promise<void> {
      await this.goTo('Settings');
      await section('Warehouse').getByRole('radio', { name: new RegExp(o.warehouse) }).check();
      await expect(page.getByTestId('warehouse-http-path')).toContainText('/sql/1.0/warehouses/');
      await this.catalog.fill(o.catalog);
      const audit = page.getByRole('checkbox', { name: /Query audit/ });
      // Query audit is under Advanced, closed unless something there differs from its default.
      if (!(await audit.isVisible())) await page.getByRole('button', { name: 'Advanced settings' }).click();
      await audit.check();
      if (o.governed) {
        const governed = page.getByTestId('ci-governed');
        if ((await governed.getByRole('button', { name: `Remove ${o.governed}` }).count()) === 0) {
          // The workspace's catalogs are offered while typing: a few letters, then the suggestion by keyboard.
          const field = page.getByRole('combobox', { name: 'Governed catalogs' });
          await field.fill(o.governed.slice(0, 3));
          const option = page.getByRole('listbox', { name: 'Catalogs in this workspace' }).getByRole('option', { name: new RegExp(`^${o.governed}`) });
          await expect(option).toBeVisible();
          for (let i = 0; i < 20 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await field.press('ArrowDown');
          await field.press('Enter');
          await expect(field).toHaveValue(o.governed);
          await page.getByRole('button', { name: 'Add catalog' }).click();
        }
        await expect(governed.getByRole('button', { name: `Remove ${o.governed}` })).toBeVisible();
      }
      const principal = section('Service principal');
      // A combobox: a few letters narrow the workspace's list, then the principal is picked from it.
      await principal.getByRole('combobox', { name: 'Existing service principal' }).fill(o.servicePrincipal);
      await page.getByRole('listbox', { name: 'Service principals in this workspace' }).getByRole('option', { name: new RegExp(o.servicePrincipal) }).first().click();
      await expect(page.getByTestId('ci-sp-chosen')).toContainText(o.servicePrincipal);
    },

    /** Automatic or manual (on Set up); before the settings are saved it only changes the form. */
    async chooseMode(mode: 'Automatic' | 'Manual'): Promise<void> {
      await this.goTo('Set up');
      await page.getByRole('radio', { name: new RegExp(mode) }).check();
    },

    /** Save and validate from the Check part: the results are then in view and focused. */
    async saveAndValidate(): Promise<Locator> {
      await this.goTo('Check');
      await section('Validate').getByRole('button', { name: 'Save and validate' }).click();
      const results = page.getByTestId('ci-validation-results');
      await expect(results).toBeVisible({ timeout: 30_000 });
      await expectRevealed(page.getByTestId('ci-validate-result'));
      return results;
    },

    /** Preview the plan on the Set up part: the plan is then in view and focused. */
    async previewPlan(): Promise<void> {
      await this.goTo('Set up');
      await page.getByTestId('ci-plan-run').click();
      await expect(page.getByTestId('ci-plan-setup')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('ci-plan-run')).toHaveText('Plan again');
      await expectRevealed(page.getByTestId('ci-plan-result'));
    },
  };
}

/** An action's result was brought into view and given focus (ui/use-reveal.ts). */
export async function expectRevealed(result: Locator): Promise<void> {
  await expect(result).toBeFocused();
  await expect(result).toBeInViewport();
}
