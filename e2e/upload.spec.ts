import {
  button,
  expect,
  gotoApp,
  labelled,
  readNumber,
  saveScreenshot,
  shownWords,
  statusLine,
  test,
  trainUntilWords,
  waitForStatus,
  wordsReadout,
  type Page,
} from './fixtures';

/**
 * A small text on two topics, a kitchen and a harbour, written here: lower-case words, one
 * sentence a line, so the raw token count and the vocabulary are known exactly.
 */
function twoTopicText(): { text: string; words: number; vocabulary: number } {
  const kitchen = [
    'the cook stirs the soup in the pot with a wooden spoon',
    'the baker puts bread and cake in the hot oven',
    'a cook cuts onions and garlic on the kitchen table',
    'the soup needs salt pepper and fresh herbs from the garden',
    'the baker sells bread cake and pie every morning',
  ];
  const harbour = [
    'the sailor ties the rope to the boat in the harbour',
    'a ship leaves the harbour when the tide is high',
    'the captain reads the map and steers the ship to sea',
    'sailors pull the sail and the boat moves with the wind',
    'the captain and the sailor watch the waves at night',
  ];
  const lines: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < kitchen.length; i++) lines.push(`${kitchen[i]}.`, `${harbour[i]}.`);
  }
  const tokens = lines.join(' ').replace(/\./g, ' ').split(/\s+/).filter(Boolean);
  return { text: lines.join('\n'), words: tokens.length, vocabulary: new Set(tokens).size };
}

/** The value shown for one term of the corpus statistics ("Vocabulary" → 1,234). */
function statistic(page: Page, term: string) {
  return page
    .getByRole('definition')
    .filter({ has: page.locator(`xpath=preceding-sibling::dt[normalize-space()="${term}"]`) });
}

const fileInput = (page: Page) => labelled(page, 'Open a text file');

/**
 * Journey 5: opening a text file trains on it (its statistics show and training starts); an
 * empty file, a binary file and a one-word file are refused in plain words while the model in
 * force keeps its corpus; a file dropped on the page trains too.
 */
test('opening a text file trains on it; empty and binary files are refused', async ({ page }) => {
  // Capped at 5,000 words a second, 1,000 epochs of the small text last over a minute, so the
  // run in force is still training when the bad files come.
  await gotoApp(page, { speed: 5000, epochs: 1000 });
  await trainUntilWords(page, 1);
  const sample = twoTopicText();
  expect(sample.words).toBeGreaterThan(300);

  await fileInput(page).setInputFiles({
    name: 'two-topics.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(sample.text, 'utf8'),
  });
  await waitForStatus(
    page,
    /^Training skip-gram with negative sampling on two-topics\.txt — epoch \d+ of \d+, [\d,]+ words/,
  );
  const stats = page.getByRole('definition');
  await expect(stats.first()).toBeVisible();
  await expect(statistic(page, 'Words in the text')).toHaveText(
    sample.words.toLocaleString('en-US'),
  );
  await expect(statistic(page, 'Vocabulary')).toHaveText(String(sample.vocabulary));
  await expect(statistic(page, 'Sentences')).toHaveText('40');
  await expect(page.getByText(/^Most frequent: the \(\d+\)/)).toBeVisible();
  await expect(labelled(page, 'Corpus')).toHaveValue('custom');
  await expect.poll(() => shownWords(page)).toEqual(expect.arrayContaining(['cook', 'sailor']));
  const words = wordsReadout(page);
  await expect.poll(() => readNumber(words)).toBeGreaterThan(sample.words);
  await expect.poll(() => new URL(page.url()).searchParams.get('corpus')).toBe('custom');

  // An empty file: refused, and the text in force keeps training.
  await fileInput(page).setInputFiles({
    name: 'empty.txt',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(0),
  });
  await waitForStatus(
    page,
    /^Could not open empty\.txt: it is empty\. Training .* on two-topics\.txt/,
  );
  const afterEmpty = await readNumber(words);
  await expect.poll(() => readNumber(words)).toBeGreaterThan(afterEmpty);
  await expect(statistic(page, 'Vocabulary')).toHaveText(String(sample.vocabulary));

  // A binary file (PNG header and NUL bytes): refused in plain words.
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(512, 0),
  ]);
  await fileInput(page).setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: png });
  await waitForStatus(
    page,
    /^Could not open picture\.png: it looks like a binary file, not plain text\. Choose a \.txt file\. Training .* on two-topics\.txt/,
  );
  await saveScreenshot(page, 'error-binary-file');
  const afterBinary = await readNumber(words);
  await expect.poll(() => readNumber(words)).toBeGreaterThan(afterBinary);
  await expect(statistic(page, 'Vocabulary')).toHaveText(String(sample.vocabulary));

  // A text with a single distinct word cannot be trained on: the worker says why, the model stays.
  await fileInput(page).setInputFiles({
    name: 'echo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello hello hello.\nhello hello.\n'),
  });
  await expect(statusLine(page)).toContainText('echo.txt');
  await expect(statusLine(page)).toContainText(/at least two different words/);
  await expect(statistic(page, 'Vocabulary')).toHaveText(String(sample.vocabulary));
  await expect(labelled(page, 'Corpus')).toHaveValue('custom');
  // The failed load paused the run in force; Play resumes it on the same text.
  await button(page, 'Play').click();
  await waitForStatus(page, /^Training .* on two-topics\.txt/);

  // A file dropped anywhere on the page is opened the same way.
  const droppedText = 'the ship sails to the harbour.\nthe cook bakes in the oven.\n'.repeat(5);
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  }, droppedText);
  await page.locator('body').dispatchEvent('dragover', { dataTransfer: dropped });
  await expect(page.getByText('Drop a .txt file to train on it')).toBeVisible();
  await page.locator('body').dispatchEvent('drop', { dataTransfer: dropped });
  await waitForStatus(page, /^Training skip-gram with negative sampling on dropped\.txt — /);
  await expect(page.getByText('Drop a .txt file to train on it')).toHaveCount(0);
  const droppedWords = droppedText.split(/[\s.]+/).filter(Boolean).length;
  await expect(statistic(page, 'Words in the text')).toHaveText(String(droppedWords));
});
