// Renders assets/icon.svg into the PNG sizes the stores want (run by hand after editing the SVG).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, exitUnlessChromium, requireChromium } from './chromium-path';

exitUnlessChromium();
const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>*{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
