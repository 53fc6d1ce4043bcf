/** The rendered text of a page read by the German text rules (tests/helpers/germanText.ts), for the screen tests. */
import type { Page } from 'playwright-core';
import { germanTextFindings } from '../helpers/germanText';

/** Every finding in the page's visible text (and its options, placeholders and labels), one text node a line. */
export async function germanFindings(p: Page, screen: string): Promise<string[]> {
  // A string: the tests compile without the DOM's types.
  // Text node by text node: innerText runs neighbouring buttons together ("erstellenAntrag").
  const text = await p.evaluate<string>(`[
    ...(() => {
      const out = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      // An audit entry's stored values (a stored message, a code) are shown as stored, for the auditor: not scanned.
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.parentElement && n.parentElement.checkVisibility() && !n.parentElement.closest('[data-testid="audit-detail"]')) out.push(n.textContent);
      return out;
    })(),
    ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? ''),
    ...[...document.querySelectorAll('[placeholder], [aria-label]')].flatMap((e) => [e.getAttribute('placeholder') ?? '', e.getAttribute('aria-label') ?? '']),
  ].join('\\n')`);
  return text.split('\n').flatMap((line) => germanTextFindings(line).map((f) => `${screen}: ${f} in „${line.trim()}“`));
}
