import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folio } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';

/** What the test reads of an SVG element in the page (the project's types have no DOM). */
interface ChartElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): { textContent: string | null } | null;
}
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`SKIPPED: the HTML report browser test needs Debian's chromium at ${CHROMIUM} (.ci/run installs it)`);

describe('HTML report in headless Chromium', () => {
  it.skipIf(!haveChromium)(
    `renders its SVG charts with no console errors and runs no script from the data${haveChromium ? '' : ' (SKIPPED: no Chromium)'}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'folio-html-'));
      // The demo: concentration, want/can grid, key clients' sparklines, ABC×XYZ grid, lead
      // grid, cadence timeline, the funnels of the team and its three managers. The hostile
      // export's deals are all of October 2026, after the 12 months its client base looks at:
      // no client-base grid or sparklines; a funnel for the team and for the manager whose name
      // is markup.
      const pages: [string, string, string[]][] = [
        [
          'demo.html',
          (await folio(['report', 'fixtures/demo', '--as-of', '2026-11-23', '--format', 'html'])).stdout,
          [
            'chart pareto',
            'chart grid',
            'chart sparklines',
            'chart grid',
            'chart grid',
            'chart timeline',
            'chart funnel',
            'chart funnel',
            'chart funnel',
            'chart funnel',
          ],
        ],
        [
          'hostile.html',
          (
            await folio([
              'report',
              'fixtures/hostile',
              '--period',
              '2026-10',
              '--as-of',
              '2026-10-31',
              '--format',
              'html',
            ])
          ).stdout,
          ['chart pareto', 'chart grid', 'chart grid', 'chart timeline', 'chart funnel', 'chart funnel'],
        ],
      ];
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        for (const [name, html, expected] of pages) {
          const file = join(dir, name);
          writeFileSync(file, html);
          const page = await browser.newPage();
          const errors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') errors.push(m.text());
          });
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(pathToFileURL(file).href);
          const charts = await page.$$eval('svg.chart', (svgs: unknown[]) =>
            (svgs as ChartElement[]).map((s) => ({
              cls: s.getAttribute('class'),
              w: s.getBoundingClientRect().width,
              h: s.getBoundingClientRect().height,
              shapes: s.querySelectorAll('rect,circle,polyline,line').length,
              role: s.getAttribute('role'),
              name: s.getAttribute('aria-label'),
              title: s.querySelector(':scope > title')?.textContent ?? null,
            })),
          );
          expect(charts.map((c) => c.cls)).toEqual(expected);
          for (const c of charts) {
            expect(c.w).toBeGreaterThan(100);
            expect(c.h).toBeGreaterThan(20);
            expect(c.shapes).toBeGreaterThan(0);
            // An image with an accessible name, and the same words as its title.
            expect(c.role).toBe('img');
            expect(c.name?.length).toBeGreaterThan(10);
            expect(c.title).toBe(c.name);
          }
          expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
          expect(errors).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );
});
