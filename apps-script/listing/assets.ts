// The graphic assets the Marketplace SDK's Store Listing asks for, with the pixel sizes Google
// requires (https://developers.google.com/workspace/marketplace/create-listing, "Graphic assets"):
// application icons 128×128 and 32×32, the application card banner 220×140, screenshots 1280×800.
// scripts/listing-screenshots.ts writes every file named here; test/listing reads each one back.

export interface GraphicAsset {
  /** Path under apps-script/listing/. */
  file: string;
  width: number;
  height: number;
  /** The Store Listing field it is uploaded to. */
  field: string;
}

export const ICONS: readonly GraphicAsset[] = [
  { file: 'icon-128.png', width: 128, height: 128, field: 'Application icon 128×128' },
  { file: 'icon-32.png', width: 32, height: 32, field: 'Application icon 32×32' },
];

/** The OAuth consent screen's app logo: square, 120×120 "for the best results" (Google Auth platform ▸ Branding). */
export const CONSENT_LOGO: GraphicAsset = { file: 'consent-logo-120.png', width: 120, height: 120, field: 'OAuth consent screen app logo' };

export const CARD_BANNER: GraphicAsset = { file: 'card-banner-220x140.png', width: 220, height: 140, field: 'Application card banner' };

export interface Screenshot extends GraphicAsset {
  /** What it shows, in the listing's words (also the image's alt text in README). */
  caption: { en: string; 'zh-CN': string };
}

const shot = (n: number, name: string, en: string, zh: string): Screenshot => ({
  file: `screenshots/${n}-${name}.png`,
  width: 1280,
  height: 800,
  field: 'Screenshots',
  caption: { en, 'zh-CN': zh },
});

/** In the order they are uploaded: the first is the one the listing shows first. */
export const SCREENSHOTS: readonly Screenshot[] = [
  shot(1, 'scored-sheet-en', 'Score a customer sheet: tier, segment, RFM, churn risk, next action and why, next to your own columns.', '为客户表评分：在您自己的列旁边写入分层、细分、RFM、流失风险、下一步行动和原因。'),
  shot(2, 'scored-sheet-zh-CN', 'The same sidebar and result columns in Simplified Chinese.', '同样的侧边栏和结果列，简体中文界面。'),
  shot(3, 'summary-sheet', 'The Tierwise summary sheet: customers per tier and segment, key figures and a tier chart.', 'Tierwise 汇总表：各分层与细分的客户数、关键指标和分层图表。'),
  shot(4, 'customer-playbook', 'Select a customer to see why they are at risk, the next action and the playbook for their tier.', '选中一位客户，查看流失原因、下一步行动和所在分层的维护策略。'),
  shot(5, 'order-table', 'One row per order works too: customers are scored onto their own sheet.', '每行一笔订单的表格同样适用：客户评分写入单独的工作表。'),
];

export const ALL_ASSETS: readonly GraphicAsset[] = [...ICONS, CONSENT_LOGO, CARD_BANNER, ...SCREENSHOTS];
