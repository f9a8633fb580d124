// English playbooks (DOMAIN.md; seed 004 §1.2, §4.2, §6.2; seed 000; seed 003 §5.2; seed 002 §1).
import type { Playbooks } from './types.ts';

export const EN: Playbooks = {
  tiers: {
    A: {
      summary: 'Core customer: protect the relationship and give them a service others do not get.',
      actions: [
        'Customised service: priority delivery and exclusive benefits.',
        'Relationship care: regular check-ins from the founder or an executive, a holiday gift.',
        'A dedicated account manager who visits monthly to learn about new needs.',
      ],
      followUpDays: 30,
    },
    B: {
      summary: 'Potential customer: find out what they need and lean resources toward it.',
      actions: [
        'Discover needs: a short survey or a conversation about their pain points.',
        'Lean resources their way: free industry reports, joint marketing opportunities.',
        'Upsell once you know what they are trying to do.',
      ],
      followUpDays: 14,
    },
    C: {
      summary: 'Ordinary customer: standard, low-cost service, and watch for a reason to upgrade.',
      actions: [
        'Standardised service: member-day discounts, community perks, automated email.',
        'Cross-sell related products.',
        'Watch for upgrade signals; keep the cost of service in line with what they bring.',
      ],
      followUpDays: 45,
    },
    D: {
      summary: 'Dormant customer: wake them up, and learn why they went quiet.',
      actions: [
        'Wake-up outreach: a personal message with an exclusive offer, e.g. a limited-time restock discount.',
        'Ask why they stopped with a short survey, and fix what you hear.',
        'High-value dormant customers (Can’t lose) get a personal call, not a campaign.',
      ],
      followUpDays: 7,
    },
  },
  segmentActions: {
    Champions: 'Thank them personally and offer an exclusive benefit (early access or priority delivery).',
    Loyal: 'Schedule the monthly account-manager check-in and ask about new needs.',
    'Potential loyalist': 'Ask about their pain points and suggest the product that solves the next one.',
    New: 'Welcome them: send an onboarding guide and check in after the first use.',
    Promising: 'Send a useful resource (an industry report or how-to) and invite a second purchase.',
    'Need attention': 'Send a personalised offer on related products before interest fades.',
    'About to sleep': 'Send a member-day discount or community perk to bring them back this month.',
    'At risk': 'Reach out personally with an exclusive offer and ask what changed.',
    "Can't lose": 'Call them personally (an executive if possible): find out why they stopped and make it right.',
    Hibernating: 'Send a wake-up message with a limited-time restock discount and a one-question survey.',
    Lost: 'Include them in a low-cost win-back campaign; ask why they left.',
  },
  lifecycle: {
    prospect: 'Offer a trial or an introductory promotion to win the first purchase.',
    new: 'Welcome and educate: onboarding tips and a check-in after the first purchase.',
    active: 'Reward loyalty: points, member benefits and recognition.',
    dormant: 'Wake them up with a personal message and a time-limited offer.',
    churned: 'Win back: ask why they left and offer a reason to return.',
  },
  retention: {
    nextAction:
      'Contact within 24 hours with an open question: "Have you been considering other options lately? Your view matters to us."',
    steps: [
      'Contact within 24 hours with an open question: "Have you been considering other options lately? Your view matters to us."',
      'Price-sensitive: offer a loyal-customer bundle (buy two get one, or a longer service term).',
      'Needs have grown: recommend the higher plan or product that fits them.',
      'Relationship: have the founder or an executive reach out personally.',
    ],
  },
  renewal: (date) => `Contract renews on ${date}: prepare the renewal conversation and confirm their plans.`,
  mediumRiskFollowUpDays: 3,
};
