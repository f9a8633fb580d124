// Which of the core's languages a HubSpot user reads: from the user's HubSpot language (or locale),
// e.g. "zh-cn", "zh-CN", "zh-Hans-CN" → zh-CN; anything else → English (the core has en and zh-CN).
import type { Language } from '../../core/schema/options.ts';

export function languageOf(user: { language?: string | undefined; locale?: string | undefined }): Language {
  const tag = (user.language ?? user.locale ?? 'en').toLowerCase();
  // Traditional Chinese (zh-TW, zh-Hant) is not 简体中文: it reads English rather than the wrong script.
  if (tag === 'zh' || tag.startsWith('zh-cn') || tag.startsWith('zh-hans') || tag === 'zh-sg') return 'zh-CN';
  return 'en';
}
