import { expect, type Page } from '@playwright/test';
import { inspect } from './inspect';
import type { Scenario } from './scenario';
import type { ScenarioHost } from './scenario-host';
import { STEP_IDS, STEP_TITLES, focused, tabTo, wizard, type StepId } from './wizard';

/** After a step change: that step is current, its heading has focus, and it says what it does. */
async function expectOnStep(page: Page, host: ScenarioHost, id: StepId): Promise<void> {
  const w = wizard(page);
  const n = STEP_IDS.indexOf(id) + 1;
  await expect(w.stepButton(id)).toHaveAttribute('aria-current', 'step');
  for (const other of STEP_IDS.filter((s) => s !== id)) await expect(w.stepButton(other)).not.toHaveAttribute('aria-current');
  await expect(w.heading).toHaveText(STEP_TITLES[id]);
  await expect(w.heading).toBeFocused();
  await expect(w.panel).toContainText(`Step ${n} of 4`);
  // Steps 2-4 need sign-in: they say what they will do and lead back to step 1. Step 1's own content belongs to
  // its step module and is tested there.
  if (id !== 'authenticate') {
    await expect(page.getByTestId('what-it-will-do')).toBeVisible();
    await expect(page.getByTestId('sign-in-first')).toContainText('Sign in first');
  }
  await inspect(page, host, `step-${n}-${id}`);
}

export const walkSteps: Scenario = {
  title: 'walks the four steps by keyboard and mouse, each accessible, focus on its heading',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();
    // First load: step 1 is current and not started, steps 2-4 are locked until sign-in; focus is not moved.
    await expect(w.stepButton('authenticate')).toHaveAttribute('aria-current', 'step');
    await expect(w.stepButton('authenticate')).toContainText('Not started');
    await expect(w.stepButton('authenticate')).not.toContainText('Current');
    for (const id of STEP_IDS.slice(1)) {
      await expect(w.stepButton(id)).toHaveAttribute('data-status', 'locked');
      await expect(w.stepButton(id)).toContainText('Locked — sign in first');
    }
    expect((await focused(page)).tag).toBe('body');
    await inspect(page, host, 'step-1-authenticate');

    // Keyboard: the skip link comes first and lands on the step heading.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the current step' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(w.heading).toBeFocused();

    // Keyboard: the step indicator sits just before the step (Shift+Tab from its heading reaches the last step
    // button); arrows, Home and End move along it; Enter opens a step.
    await page.keyboard.press('Shift+Tab');
    await expect(w.stepButton('register-metadata')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(w.stepButton('authenticate')).toBeFocused();
    await page.keyboard.press('End');
    await expect(w.stepButton('register-metadata')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(w.stepButton('authenticate')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(w.stepButton('configure-integration')).toBeFocused();
    await page.keyboard.press('Enter');
    await expectOnStep(page, host, 'configure-integration');

    // Keyboard: from the heading, Tab reaches "Next"; it leads nowhere while the next step is locked.
    await tabTo(page, page.getByRole('button', { name: 'Next: Map users & policies' }), 60);
    await page.keyboard.press('Enter');
    await expect(w.heading).toHaveText('Configure integration');
    await w.stepButton('map-users-policies').click();
    await expectOnStep(page, host, 'map-users-policies');

    // Mouse: the indicator, Back, and the locked step's way to sign-in.
    await w.stepButton('register-metadata').click();
    await expectOnStep(page, host, 'register-metadata');
    await expect(page.getByRole('button', { name: /^Next:/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Back: Map users & policies' }).click();
    await expect(w.heading).toHaveText('Map users & policies');
    await expect(w.heading).toBeFocused();
    await page.getByRole('button', { name: 'Go to Authenticate' }).click();
    await expect(w.heading).toHaveText('Authenticate');
    await expect(w.heading).toBeFocused();
    await expect(page.getByRole('button', { name: /^Back:/ })).toHaveCount(0);

    // Next does not lead into a locked step: it is disabled and says why.
    const lockedNext = page.getByRole('button', { name: 'Next: Configure integration' });
    await expect(lockedNext).toBeDisabled();
    await expect(lockedNext).toHaveAccessibleDescription(/locked: sign in first/);
    await lockedNext.click({ force: true });
    await expect(w.heading).toHaveText('Authenticate');
  },
};
