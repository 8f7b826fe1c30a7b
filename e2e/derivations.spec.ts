import {
  button,
  expect,
  gotoApp,
  pauseRun,
  saveScreenshot,
  test,
  trainUntilWords,
  waitForStatus,
  type Locator,
  type Page,
} from './fixtures';

/**
 * Journey 11: the derivations, live (issue 4). Panels open from a link for every model × loss,
 * typeset by KaTeX (no raw TeX on screen), and their numbers are those of a training example that
 * changes after every Step; the slow step walks every stage and back; the gradient check passes,
 * and fails once the gradient is broken on purpose.
 */

const LOSS_PANEL = { ns: 'ns', hs: 'hs', softmax: 'softmax' } as const;
const COMMON = ['model', 'sigmoid', 'window', 'sgd', 'projection', 'weights'] as const;

/** A derivation panel by its heading button's name. */
const panel = (page: Page, id: string): Locator => page.locator(`#panel-${id}`);

/** The text of a panel's live numbers for the current example. */
async function liveText(page: Page, id: string): Promise<string> {
  return panel(page, id).getByRole('group', { name: 'Numbers of the current example' }).innerText();
}

/** TeX control words that would show if KaTeX had not typeset a formula. */
const RAW_TEX = /\\(frac|sum|sigma|htmlClass|mathbf|boldsymbol|top|partial|log|exp|prod)\b/;

async function expectTypeset(page: Page, id: string): Promise<void> {
  const body = panel(page, id);
  await expect(body.locator('.katex').first()).toBeVisible();
  expect(await body.locator('.katex-error').count(), `${id}: KaTeX errors`).toBe(0);
  // Only the visible text: KaTeX keeps the source in hidden MathML annotations.
  const visible = await body.evaluate((el) => (el as HTMLElement).innerText);
  expect(visible, `${id}: raw TeX on screen`).not.toMatch(RAW_TEX);
}

const COMBOS = [
  ['skipgram', 'ns', 'stream'],
  ['skipgram', 'hs', 'stream'],
  ['skipgram', 'softmax', 'stream'],
  ['cbow', 'ns', 'stream'],
  ['cbow', 'hs', 'stream'],
  ['cbow', 'softmax', 'stream'],
  // CS224n's schedule: one Step is an iteration, and the example's step is α/B.
  ['skipgram', 'ns', 'minibatch'],
] as const;

for (const [model, loss, mode] of COMBOS) {
  test(`${model} × ${loss} (${mode}): every panel opens from a link, is typeset, and its numbers change after a step`, async ({
    page,
  }) => {
    const ids = ['model', LOSS_PANEL[loss], ...COMMON.slice(1)];
    // A capped speed: CBOW would finish the teaching run before the pause otherwise.
    await gotoApp(page, { model, loss, mode, panels: ids.join(','), speed: 5000 });
    for (const id of ids) {
      await expect(panel(page, id).getByRole('button', { expanded: true })).toBeVisible();
    }
    await waitForStatus(page, /^Training/);
    await pauseRun(page);
    // An example trained after the pause's step makes every panel's numbers concrete.
    await button(page, 'Step').click();
    const example = panel(page, 'model').getByText(/^This example \(no\. \d+\)/);
    await expect(example).toBeVisible();
    const withNumbers = ids.filter((id) => !['projection', 'weights'].includes(id));
    const before = new Map<string, string>();
    for (const id of withNumbers) {
      await expectTypeset(page, id);
      before.set(id, await liveText(page, id));
    }
    const seqBefore = await example.innerText();
    await button(page, 'Step').click();
    await expect(example).not.toHaveText(seqBefore);
    for (const id of withNumbers) {
      await expect
        .poll(() => liveText(page, id), { message: `${id} numbers` })
        .not.toBe(before.get(id));
    }
    // The weights view draws both matrices of this small vocabulary, with the example's rows.
    await expect(panel(page, 'weights').getByRole('img').first()).toHaveAttribute(
      'aria-label',
      /^V: centre vectors: \d+ rows × \d+ dimensions/,
    );
    if (model === 'skipgram') {
      for (const id of ids) {
        await saveScreenshot(panel(page, id), `panel-${model}-${loss}-${mode}-${id}`);
      }
    }
  });
}

test('a panel opens and closes from its heading, and the link remembers it', async ({ page }) => {
  await gotoApp(page);
  const toggle = panel(page, 'sigmoid').getByRole('button', { name: /The sigmoid/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expectTypeset(page, 'sigmoid');
  await expect.poll(() => new URL(page.url()).searchParams.get('panels')).toBe('sigmoid');
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => new URL(page.url()).searchParams.get('panels')).toBeNull();
});

test('the slow step walks every stage forward and back, and applies the update at the end', async ({
  page,
}) => {
  // A capped speed keeps the run going until the slow step pauses it (the whole teaching run
  // takes about a second at full speed).
  await gotoApp(page, { panels: 'model,ns', speed: 5000 });
  await waitForStatus(page, /^Training/);
  await button(page, 'Slow step').click();
  await waitForStatus(page, /^Paused/);
  const stages = page.getByRole('list', { name: 'Stages' }).getByRole('listitem');
  const count = await stages.count();
  expect(count).toBe(8);
  const titles = await stages.allInnerTexts();
  const where = page.getByText(/^Stage \d+ of \d+:/);
  await expect(where).toHaveText(`Stage 1 of ${count}: ${titles[0]!.trim()}`);
  await expect(page.getByText(/^Not trained yet/)).toBeVisible();
  await saveScreenshot(page.locator('#derivations'), 'slow-step-stage-1');
  for (let i = 2; i <= count; i++) {
    await button(page, 'Next').click();
    await expect(where).toHaveText(`Stage ${i} of ${count}: ${titles[i - 1]!.trim()}`);
    await expect(stages.nth(i - 1)).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('#derivations')).toHaveClass(/ stage-[a-z]+/);
  }
  await expect(page.getByText('Applied to the model.')).toBeVisible();
  await saveScreenshot(page.locator('#derivations'), 'slow-step-update');
  for (let i = count - 1; i >= 1; i--) {
    await button(page, 'Back').click();
    await expect(where).toHaveText(`Stage ${i} of ${count}: ${titles[i - 1]!.trim()}`);
  }
  await expect(button(page, 'Back')).toBeDisabled();
  await button(page, 'Done').click();
  await expect(where).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^Paused/);
});

for (const loss of ['ns', 'hs', 'softmax'] as const) {
  test(`gradient check (${loss}): passes, and fails when the gradient is broken`, async ({
    page,
  }) => {
    await gotoApp(page, { loss, panels: 'gradcheck' });
    await trainUntilWords(page, 1000);
    const body = panel(page, 'gradcheck');
    const verdict = body.getByText(/^(Passed|Failed):/);
    await expect(verdict).toHaveText(
      /^Passed: the largest relative error, .+, is below the threshold 1e-5\./,
    );
    const breaker = body.getByLabel('Break the gradient');
    await breaker.selectOption('dropSign');
    await expect(verdict).toHaveText(/^Failed:/);
    if (loss === 'ns') await saveScreenshot(body, 'panel-gradcheck-failed');
    await breaker.selectOption('dropFactor');
    await expect(verdict).toHaveText(/^Failed:/);
    await breaker.selectOption('none');
    await expect(verdict).toHaveText(/^Passed:/);
    if (loss === 'ns') await saveScreenshot(body, 'panel-gradcheck-passed');
  });
}
