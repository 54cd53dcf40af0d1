import { describe, expect, it } from 'vitest';
import { API_ERROR_REASONS } from '../../electron/api/error-reasons.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  it('have the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders for each key', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('word every reason the server can send, with exactly its params as placeholders', () => {
    const reasons = Object.entries(API_ERROR_REASONS);
    expect(reasons.length).toBeGreaterThan(0);
    for (const [reason, params] of reasons) {
      for (const [language, catalog] of [
        ['zh-CN', zhCN],
        ['en', en],
      ] as const) {
        const text = (catalog as Record<string, string>)[`reason.${reason}`];
        expect(text, `${language}: reason.${reason}`).toBeTypeOf('string');
        expect(placeholders(text ?? ''), `${language}: reason.${reason}`).toEqual(
          [...params].sort(),
        );
      }
    }
  });
});
