/**
 * Checked in this order, not by where they appear in the string: in-app and vendor browsers
 * (WeChat's, DingTalk's, Edge, …) also name Chrome or Safari in their User-Agent, after their
 * own name or before it.
 */
const BROWSERS: [pattern: RegExp, name: string][] = [
  [/MicroMessenger\/(\d+)/, 'WeChat'],
  [/DingTalk\/(\d+)/, 'DingTalk'],
  [/QQBrowser\/(\d+)/, 'QQ Browser'],
  [/UCBrowser\/(\d+)/, 'UC'],
  [/HuaweiBrowser\/(\d+)/, 'Huawei Browser'],
  [/Quark\/(\d+)/, 'Quark'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:Edg|EdgA|EdgiOS)\/(\d+)/, 'Edge'],
  [/(?:OPR|OPX)\/(\d+)/, 'Opera'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:CriOS|Chrome)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

/** The same: Android and ChromeOS also say Linux, HarmonyOS phones also say Android. */
const SYSTEMS: [pattern: RegExp, name: string][] = [
  [/iPad/, 'iPad'],
  [/iPhone/, 'iPhone'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/**
 * "Chrome 131 · Android" from a User-Agent, so the organizer can tell the devices that joined
 * apart at a glance; the start of the raw string when neither part is recognised.
 */
export function describeBrowser(userAgent: string): string {
  let browser = '';
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? '';
  const parts = [browser, system].filter(Boolean);
  return parts.length ? parts.join(' · ') : userAgent.trim().slice(0, 40);
}
