// docs/privacy.html, docs/terms.html and docs/index.html (the consent screen's and the Store
// Listing's privacy, terms and support links): present in English and Chinese, static (no script,
// nothing loaded from the web), and saying what Google's review looks for, true to the built add-on:
// each scope it asks for, no UrlFetchApp, what it writes and keeps, the error log its manifest turns
// on, Limited Use, retention and deletion, and no AI/ML training.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const page = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');
const PAGES = ['privacy.html', 'terms.html', 'index.html'] as const;

function built(file: string): string {
  const path = join(ROOT, 'dist', 'apps-script', file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return readFileSync(path, 'utf8');
}

/** The text of one language's section, tags removed. */
function section(html: string, language: 'en' | 'zh-CN'): string {
  const match = new RegExp(`<section id="${language}" lang="${language}">([\\s\\S]*?)</section>`).exec(html);
  if (match === null) throw new Error(`no <section id="${language}" lang="${language}">`);
  // Inline tags go without a trace, block tags become spaces.
  return (match[1] as string).replace(/<\/?(a|code|strong|em|b)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the published pages', () => {
  it.each(PAGES)('%s is static, loads nothing from the web and links the other pages, in both languages', (name) => {
    const html = page(name);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<(img|link|iframe|source|video|audio|embed|object)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/);
    for (const other of PAGES) expect(html).toContain(`href="${other}"`);
    expect(section(html, 'en').length).toBeGreaterThan(1000);
    expect(section(html, 'zh-CN')).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('the privacy policy names every scope in the manifest, in both languages', () => {
    const manifest = JSON.parse(built('appsscript.json')) as { oauthScopes: string[] };
    for (const language of ['en', 'zh-CN'] as const) {
      const text = section(page('privacy.html'), language);
      for (const scope of manifest.oauthScopes) expect(text, `${language} privacy policy: ${scope}`).toContain(scope);
    }
  });

  it('the privacy policy says what Google’s review asks for, in both languages', () => {
    const en = section(page('privacy.html'), 'en');
    for (const heading of ['Google user data Tierwise accesses', 'How Tierwise uses Google user data', 'Sharing, transfer and disclosure of Google user data', 'How Google user data is protected', 'Retention and deletion', 'AI and machine learning', 'Limited Use']) expect(en).toContain(heading);
    expect(en).toContain('Google API Services User Data Policy, including the Limited Use requirements');
    expect(en).toContain('does not use Google user data to develop, improve or train generalized artificial intelligence or machine-learning models');
    const zh = section(page('privacy.html'), 'zh-CN');
    for (const heading of ['访问的 Google 用户数据', '如何使用 Google 用户数据', '共享、转移和披露', '如何保护', '保留与删除', '人工智能与机器学习', '有限使用']) expect(zh).toContain(heading);
  });

  it('the privacy policy is true to the built add-on: no network, what it writes, the error log', () => {
    const bundle = built('Code.js');
    const manifest = JSON.parse(built('appsscript.json')) as { exceptionLogging?: string };
    for (const language of ['en', 'zh-CN'] as const) {
      const text = section(page('privacy.html'), language);
      expect(text).toContain('UrlFetchApp');
      expect(text).toContain('script.external_request');
      expect(bundle).not.toContain('UrlFetchApp');
      // The sheets it creates are named as the bundle names them.
      for (const sheet of ['Tierwise summary', 'Tierwise customers']) {
        expect(bundle).toContain(sheet);
        expect(text).toContain(sheet);
      }
      // Settings live in document properties; the bundle keeps them there.
      expect(bundle).toContain('PropertiesService.getDocumentProperties');
      expect(text).toMatch(/document properties|文档属性/);
      // An exception log is data leaving the spreadsheet: said whenever the manifest turns it on.
      if (manifest.exceptionLogging !== undefined && manifest.exceptionLogging !== 'NONE') expect(text).toContain('Cloud Logging');
      // So is anything kept in Apps Script's cache.
      if (bundle.includes('CacheService.')) expect(text).toMatch(/document cache|文档缓存/);
    }
  });

  it('quotes the add-on’s menu items and buttons as the built add-on spells them', () => {
    // esbuild writes non-ASCII text as \u escapes.
    const bundle = built('Code.js').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const listing = (language: string) => readFileSync(join(ROOT, 'apps-script', 'listing', `listing.${language}.json`), 'utf8');
    const quoted: [string, string[]][] = [
      [page('index.html'), ['Open sidebar', 'Show the selected customer', 'One row per order', 'Stop daily re-score', 'Remove Tierwise columns', '评分', '查看选中的客户', '每行一笔订单']],
      [page('privacy.html'), ['Schedule daily re-score', 'Stop daily re-score', 'Remove Tierwise columns']],
      [listing('en'), ['Open sidebar', 'Remove Tierwise columns']],
      [listing('zh-CN'), ['Open sidebar', 'Remove Tierwise columns', '评分']],
    ];
    for (const [text, labels] of quoted) {
      for (const label of labels) {
        expect(text).toContain(label);
        expect(bundle, `the docs quote "${label}", which the add-on does not show`).toContain(label);
      }
    }
  });

  it('the terms say the results are estimates, without warranty, free of charge', () => {
    const en = section(page('terms.html'), 'en');
    for (const phrase of ['free of charge', 'estimates', '"as is"', 'MIT', 'privacy policy']) expect(en).toContain(phrase);
    const zh = section(page('terms.html'), 'zh-CN');
    for (const phrase of ['免费', '估计', '现状', 'MIT', '隐私政策']) expect(zh).toContain(phrase);
  });
});
