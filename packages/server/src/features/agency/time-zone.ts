import { DEFAULT_TIME_ZONE, isTimeZone } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

/** The agency's time zone (setting `timeZone`), Europe/Berlin when unset or unknown to this runtime. */
export async function agencyTimeZone(tx: Queryable, agencyId: string): Promise<string> {
  const r = await tx.query<{ tz: string | null }>(
    `SELECT settings->>'timeZone' AS tz FROM agencies WHERE id = $1`,
    [agencyId],
  );
  const tz = r.rows[0]?.tz;
  return tz && isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}
