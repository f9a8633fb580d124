// The card's view model as static HTML, laid out like HubSpot's sidebar card (tag, progress bar,
// checklists, description list, buttons), for the docs/ preview rendered in Chromium by
// scripts/card-preview.ts. HubSpot renders the real card; screenshots of it need a HubSpot account.
// Every text is escaped: CRM values and reasons are never HTML.
import type { Language } from '../../core/schema/options.ts';
import type { CardView } from './card-view-model.ts';
import { WORDS } from './words/index.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const TAG: Record<string, string> = { default: '#eaf0f6;color:#33475b', success: '#e5f8f6;color:#00a38d', info: '#e5f5f8;color:#0091ae', warning: '#fef8f0;color:#b36b00', error: '#fde8e9;color:#d94c53' };
const BAR: Record<string, string> = { success: '#00bda5', warning: '#f5c26b', danger: '#f2545b' };

export interface PreviewStory {
  title: string;
  language: Language;
  view: CardView;
}

function checklist(title: string, steps: string[], summary?: string): string {
  return `<section><h4>${escape(title)}</h4>${summary === undefined ? '' : `<p>${escape(summary)}</p>`}${steps.map((s) => `<label class="check"><span class="box"></span>${escape(s)}</label>`).join('')}</section>`;
}

export function cardHtml({ view, language }: Pick<PreviewStory, 'view' | 'language'>): string {
  const w = WORDS[language].card;
  if (view.notScored !== null) {
    return `<div class="empty"><div class="illustration">◎</div><h3>${escape(w.notScoredTitle)}</h3><p>${escape(view.notScored.why)}</p>${
      view.notScored.problems.length === 0 ? '' : `<ul>${view.notScored.problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>`
    }<p>${escape(view.notScored.todo)}</p><button class="secondary">${escape(w.rescore)}</button></div>`;
  }
  const parts: string[] = [];
  parts.push(`<div class="tags">${view.tier === null ? '' : `<span class="tag" style="background:${TAG[view.tier.variant]}">${escape(view.tier.text)}</span>`}${view.segment === null ? '' : `<span class="tag" style="background:${TAG['default']}">${escape(view.segment)}</span>`}</div>`);
  if (view.risk !== null) parts.push(`<div class="bar"><div class="bar-title"><span>${escape(w.churnRisk)}</span><span>${escape(view.risk.text)}</span></div><div class="track"><div class="fill" style="width:${view.risk.value}%;background:${BAR[view.risk.variant]}"></div></div></div>`);
  if (view.drivers.length > 0) parts.push(`<section><h5>${escape(w.why)}</h5><ul>${view.drivers.map((d) => `<li>${escape(d)}</li>`).join('')}</ul></section>`);
  parts.push(`<dl class="row"><div><dt>${escape(w.lifecycle)}</dt><dd>${escape(view.lifecycle ?? '—')}</dd></div><div><dt>${escape(w.lastScored)}</dt><dd>${escape(view.lastScored)}</dd></div></dl>`);
  if (view.playbook !== null) parts.push(checklist(view.playbook.title, view.playbook.steps, view.playbook.summary));
  if (view.retention !== null) parts.push(checklist(view.retention.title, view.retention.steps));
  parts.push('<hr>');
  if (view.nextAction !== null) parts.push(`<dl><dt>${escape(w.nextAction)}</dt><dd>${escape(view.nextAction)}</dd>${view.followUpBy === null ? '' : `<dt>${escape(w.followUpBy)}</dt><dd>${escape(view.followUpBy)}</dd>`}</dl>`);
  if (view.purchase !== null) parts.push(`<dl class="row">${view.purchase.map((p) => `<div><dt>${escape(p.label)}</dt><dd>${escape(p.value)}</dd></div>`).join('')}</dl>`);
  parts.push(`<div class="buttons"><button class="primary">${escape(w.createTask)}</button><button class="secondary">${escape(w.rescore)}</button></div>`);
  return parts.join('\n');
}

const STYLE = `body{margin:0;background:#f5f8fa;font:14px/1.5 "Lexend Deca","Noto Sans",Arial,"Noto Sans CJK SC",sans-serif;color:#33475b}
.story{display:inline-block;vertical-align:top;margin:16px}.story>h2{font-size:12px;font-weight:600;color:#7c98b6;margin:0 0 6px;text-transform:uppercase;letter-spacing:.04em}
.card{width:340px;background:#fff;border:1px solid #cbd6e2;border-radius:4px}.card>header{padding:10px 16px;border-bottom:1px solid #cbd6e2;font-weight:600}.card>.body{padding:12px 16px}
.tags{display:flex;gap:6px;flex-wrap:wrap;margin-bottom:10px}.tag{padding:1px 8px;border-radius:3px;font-size:12px;font-weight:600}
.bar-title{display:flex;justify-content:space-between;font-size:12px;font-weight:600}.track{height:6px;background:#eaf0f6;border-radius:3px;margin:4px 0 10px}.fill{height:6px;border-radius:3px}
h4{margin:12px 0 4px;font-size:14px}h5{margin:0;font-size:13px}p{margin:2px 0 6px}ul{margin:2px 0 8px;padding-left:18px}
.check{display:flex;gap:8px;margin:4px 0;font-size:13px}.box{flex:0 0 14px;height:14px;border:1px solid #7c98b6;border-radius:2px;margin-top:3px}
dl{margin:6px 0}dl.row{display:flex;gap:16px;flex-wrap:wrap}dt{font-size:12px;color:#516f90}dd{margin:0 0 6px}hr{border:0;border-top:1px solid #eaf0f6}
.buttons{display:flex;gap:8px;flex-wrap:wrap;margin-top:8px}button{font:inherit;font-size:13px;border-radius:3px;padding:6px 12px}.primary{background:#ff7a59;border:1px solid #ff7a59;color:#fff}.secondary{background:#fff;border:1px solid #cbd6e2;color:#33475b}
.empty{text-align:center}.empty .illustration{font-size:40px;color:#cbd6e2}.empty ul{text-align:left}`;

export function previewPage(stories: PreviewStory[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Tierwise HubSpot card preview</title><style>${STYLE}</style></head><body>${stories
    .map((s, i) => `<div class="story" id="story-${i}"><h2>${escape(s.title)}</h2><div class="card"><header>Tierwise</header><div class="body">${cardHtml(s)}</div></div></div>`)
    .join('\n')}</body></html>`;
}
