// The accessibility check every e2e screen goes through: axe-core (through @axe-core/playwright) with
// the WCAG 2.0/2.1 A and AA rules, plus label-content-name-mismatch (WCAG 2.5.3, "label in name"),
// which axe marks experimental and leaves out of a tag run unless asked. A violation of impact
// `serious` or `critical` fails the test; each is reported by rule, impact, target and a short summary.
// Never the element's HTML: a field on the page may hold a password (e2e/secret-scan.spec.ts).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './capture';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EXTRA_RULES = ['label-content-name-mismatch'];
const BLOCKING = new Set(['serious', 'critical']);
/** Nodes reported per rule; the rest are counted. */
const NODES_SHOWN = 5;

/** Finite animations and transitions (a dialog fading in) finish first: mid-fade text has too little contrast. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    const done = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

const oneLine = (text: string, max = 240): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** One line per failing element: rule, impact, target selector and axe's summary of what to fix. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await settle(page);
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: AXE_TAGS },
      rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])),
    })
    .analyze();
  const lines: string[] = [];
  for (const v of results.violations) {
    if (!BLOCKING.has(v.impact ?? '')) continue;
    for (const node of v.nodes.slice(0, NODES_SHOWN)) {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | ');
      lines.push(`${v.id} (${v.impact ?? 'unknown'}) at ${target}: ${oneLine(node.failureSummary ?? v.help)}`);
    }
    if (v.nodes.length > NODES_SHOWN) lines.push(`${v.id} (${v.impact ?? 'unknown'}): ${v.nodes.length - NODES_SHOWN} more elements — ${v.help}`);
  }
  return lines;
}

/** Fails the test (softly: the test goes on to its next screen) on a serious or critical axe violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await test.step(`axe: ${label}`, async () => {
    const violations = await accessibilityViolations(page);
    expect.soft(violations, `serious or critical accessibility violations on ${label}:\n${violations.join('\n')}`).toEqual([]);
  });
}
