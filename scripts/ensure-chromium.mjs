#!/usr/bin/env node
// Makes sure the Chromium that playwright.config.ts launches exists: Debian's package at
// /usr/bin/chromium. Playwright's own browser download does not work on this network, so when
// the binary is missing we install the distribution package (as root), or explain what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(command) {
  console.log(`ensure-chromium: $ ${command}`);
  execSync(command, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: using ${CHROMIUM}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing and this is not root, so it cannot be installed here.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'then run the tests again.',
  );
  process.exit(1);
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
try {
  run('apt-get update');
  run('apt-get install -y --no-install-recommends chromium');
} catch {
  console.error('ensure-chromium: apt-get failed; see its output above.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(
    `ensure-chromium: the chromium package installed, but ${CHROMIUM} is still missing.`,
  );
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}`);
