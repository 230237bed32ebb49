import { DEFAULT_TIME_ZONE, isTimeZone } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import { timeZoneSetting } from './agency.repo.ts';

/** The agency's time zone (setting `timeZone`), Europe/Berlin when unset or unknown to this runtime. */
export async function agencyTimeZone(tx: Queryable, agencyId: string): Promise<string> {
  const tz = await timeZoneSetting(tx, agencyId);
  return tz && isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}
