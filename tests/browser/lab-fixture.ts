// Shared steps for the lab island tests: open a chapter, bring its lab into view, wait for the
// prompt, type into the terminal like a learner, and read what the terminal shows.
import type { Page } from 'playwright-core';

export const terminal = (page: Page) => page.locator('.lab-terminal:not([hidden])').first();

/** Scrolls to the lab and waits until its terminal shows a prompt. */
export async function openLab(page: Page): Promise<void> {
  await page.locator('.lab astro-island').scrollIntoViewIfNeeded();
  await page.locator('.lab-island[data-state="ready"]').waitFor({ timeout: 20_000 });
  await page.getByRole('textbox', { name: 'Lab terminal', exact: true }).waitFor({ state: 'attached' });
  await waitForTerminal(page, /learner@wheelhouse:~.*\$/);
}

/** What the terminal's screen shows now (the visible rows). */
export async function terminalText(page: Page): Promise<string> {
  return (await terminal(page).locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
}

export async function waitForTerminal(page: Page, pattern: RegExp | string, timeout = 20_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = await terminalText(page);
    if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
    if (Date.now() - started > timeout) throw new Error(`the terminal never showed ${String(pattern)}; it shows:\n${text}`);
    await page.waitForTimeout(100);
  }
}

/** Types a command at the prompt with the keyboard and presses Enter. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Lab terminal', exact: true }).focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Runs a command and waits until its output matches and a new prompt is up. */
export async function run(page: Page, command: string, expect: RegExp | string): Promise<string> {
  await typeCommand(page, command);
  return waitForTerminal(page, expect);
}

export async function checkMyWork(page: Page): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Check my work' }).click();
  await page.locator('.lab-results').waitFor();
  await page.waitForFunction(() => !(document.querySelector('.lab-actions .lab-primary') as HTMLButtonElement | null)?.disabled);
  const entries = await page.locator('.lab-result').evaluateAll((els) => els.map((el) => [el.getAttribute('data-check') ?? '', el.getAttribute('data-status') ?? '']));
  return Object.fromEntries(entries);
}
