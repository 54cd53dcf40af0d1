import { describe, expect, it } from 'vitest';
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
});
