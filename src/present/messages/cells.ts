import type { RankedLead } from '../../analyses/leads.js';
import type { UnreadFlag } from '../../analyses/matrix.js';
import type { Lang } from '../i18n.js';

const FLAG = { want: { en: 'want', ru: 'хочет' }, can: { en: 'can', ru: 'может' } } as const;

/** Why a client is unclassified: each flag that is empty or no yes/no. */
export function unreadText(unread: readonly UnreadFlag[], lang: Lang): string {
  return unread
    .map((u) => {
      const name = FLAG[u.flag][lang];
      if (u.value === null) return `${name}: ${lang === 'ru' ? 'пусто' : 'empty'}`;
      return lang === 'ru'
        ? `${name}: не удалось прочитать ${JSON.stringify(u.value)} как да/нет`
        : `${name}: cannot read ${JSON.stringify(u.value)} as yes/no`;
    })
    .join('; ');
}

/** Why a lead is unclassified, told from what it lacks (the JSON's English `reason` says the same). */
export function leadReasonText(l: Pick<RankedLead, 'amount' | 'expectedClose'>, lang: Lang): string {
  const ru = lang === 'ru';
  return [
    l.amount === null ? (ru ? 'нет суммы' : 'no amount') : null,
    l.expectedClose === null ? (ru ? 'нет ожидаемой даты' : 'no expected close date') : null,
  ]
    .filter(Boolean)
    .join('; ');
}
