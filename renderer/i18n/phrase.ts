import type { MessageKey, Translate } from './i18n.tsx';
import zhCN from './zh-CN.json';

/**
 * A message as kept on screen: its catalog key and params (a param may itself be a phrase),
 * worded only when shown, so a language switch rewords what is on screen. `then` follows it
 * (“（另有 2 处问题）”).
 */
export interface Phrase {
  key: MessageKey;
  params?: Record<string, string | number | Phrase>;
  then?: Phrase;
}

export const phrase = (
  key: MessageKey,
  params?: Record<string, string | number | Phrase>,
): Phrase => (params ? { key, params } : { key });

export const isPhrase = (value: unknown): value is Phrase =>
  typeof value === 'object' && value !== null && typeof (value as Phrase).key === 'string';

/** Whether the catalogs word this key (a reason a newer server sent may not be). */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

/** The phrase in the current language. */
export function say(t: Translate, p: Phrase): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    vars[name] = isPhrase(value) ? say(t, value) : value;
  }
  return t(p.key, vars) + (p.then ? say(t, p.then) : '');
}
