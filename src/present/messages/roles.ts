import type { Role } from '../../codes/inputs.js';
import type { Lang } from '../i18n.js';

/** What a role's input is called in messages. */
export const ROLE_NOUN: Record<Lang, Record<Role, string>> = {
  en: {
    deals: 'a deals export',
    activities: 'an activity log',
    leads: 'a leads export',
    clients: 'a clients file',
    offers: 'an offers export',
  },
  ru: {
    deals: 'файл сделок',
    activities: 'журнал активностей',
    leads: 'файл заявок',
    clients: 'файл клиентов',
    offers: 'файл КП',
  },
};
