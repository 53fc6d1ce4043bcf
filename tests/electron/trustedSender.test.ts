import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/main/appOrigin';
import { isTrustedSender } from '../../electron/main/trustedSender';

describe('IPC sender check', () => {
  it('accepts only the top frame of app://ui', () => {
    expect(isTrustedSender({ url: 'app://ui/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://ui/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('parses instead of prefix-matching', () => {
    expect(isAppUrl('app://ui.evil.example/')).toBe(false);
    expect(isAppUrl('app://user@ui/')).toBe(false);
    expect(isAppUrl('app://uii/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
