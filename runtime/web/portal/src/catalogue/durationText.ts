import { t, tn } from '../i18n';
import type { Service } from '../api/types';
import { longestDuration } from './serviceSearch';

/** How long a service takes, as a citizen reads it. */
export function durationText(service: Service): string {
  const { days, varies } = longestDuration(service);
  return varies ? t('duration.varies', { count: days }) : tn('duration.days', days);
}
