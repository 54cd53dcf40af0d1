import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { Jieba, TfIdf } from '@node-rs/jieba';
import type { KeyTermExtractor } from './news-themes.ts';

/**
 * Nouns, names, idioms and verbs: what a point of a speech is about. Function words, numbers
 * and measure words (的, 4个) are never a theme.
 */
const THEME_POS = ['n', 'nr', 'ns', 'nt', 'nz', 'vn', 'v', 'l', 'i', 'j'];
/** Words every speech of the day says, that group nothing: 全区 and 工作 are in all of them. */
const TOO_COMMON = new Set(['全区', '工作', '开展', '推动', '进行', '实现', '形成', '坚持']);

let loaded: { jieba: Jieba; tfidf: TfIdf } | null = null;

/**
 * jieba's TF-IDF over its own dictionary and IDF table, shipped in the package: offline. Loaded
 * on first use (the dictionary is some 20 MiB in memory), which is in the export worker.
 */
function load() {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass, TfIdf: TfIdfClass } =
      require('@node-rs/jieba') as typeof JiebaModule;
    const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
    loaded = { jieba: JiebaClass.withDict(dict), tfidf: TfIdfClass.withDict(idf) };
  }
  return loaded;
}

export const jiebaKeyTerms: KeyTermExtractor = (text, count) => {
  const { jieba, tfidf } = load();
  return tfidf
    .extractKeywords(jieba, text, count + TOO_COMMON.size, THEME_POS)
    .map((k) => k.keyword)
    .filter((word) => [...word].length >= 2 && !TOO_COMMON.has(word))
    .slice(0, count);
};
