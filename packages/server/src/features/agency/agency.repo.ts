import type { AgencySettings, AgencyView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

export type AgencyRow = Pick<
  Row<'agencies', { kind: AgencyView['kind']; settings: Partial<AgencySettings> }>,
  'id' | 'name' | 'kind' | 'settings'
> & {
  logo_type: 'image/png' | 'image/jpeg' | null;
  logo_bytes: number | null;
  logo_at: Tables['agency_logos']['updated_at'] | string | null;
};

/** The agency with the type, size and time of its letterhead logo, if any. */
export async function findAgency(tx: Queryable, agencyId: string): Promise<AgencyRow | undefined> {
  return (
    await tx.query<AgencyRow>(
      `SELECT a.id, a.name, a.kind, a.settings, l.content_type AS logo_type,
              octet_length(l.data) AS logo_bytes, l.updated_at AS logo_at
         FROM agencies a LEFT JOIN agency_logos l ON l.agency_id = a.id
        WHERE a.id = $1`,
      [agencyId],
    )
  ).rows[0];
}

export async function updateAgencySettings(
  tx: Queryable,
  agencyId: string,
  settings: AgencySettings,
): Promise<void> {
  await tx.query('UPDATE agencies SET settings = $2 WHERE id = $1', [agencyId, JSON.stringify(settings)]);
}

export async function findLogo(
  tx: Queryable,
  agencyId: string,
): Promise<Pick<Tables['agency_logos'], 'content_type' | 'data'> | undefined> {
  return (
    await tx.query<Pick<Tables['agency_logos'], 'content_type' | 'data'>>(
      'SELECT content_type, data FROM agency_logos WHERE agency_id = $1',
      [agencyId],
    )
  ).rows[0];
}

/** Stores the logo, replacing an earlier one. */
export async function upsertLogo(
  tx: Queryable,
  logo: { agencyId: string; contentType: string; data: Uint8Array; now: Date; userId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO agency_logos (agency_id, content_type, data, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id) DO UPDATE
       SET content_type = EXCLUDED.content_type, data = EXCLUDED.data,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [logo.agencyId, logo.contentType, logo.data, logo.now, logo.userId],
  );
}

/** Whether there was a logo to delete. */
export async function deleteLogo(tx: Queryable, agencyId: string): Promise<boolean> {
  const r = await tx.query('DELETE FROM agency_logos WHERE agency_id = $1', [agencyId]);
  return r.rowCount > 0;
}

export type LetterheadRow = Pick<Tables['agencies'], 'name'> & {
  shown: string | null;
  content_type: Tables['agency_logos']['content_type'] | null;
  data: Tables['agency_logos']['data'] | null;
};

/** The agency's name, the letterhead name it set and its logo, if any. */
export async function letterheadRow(tx: Queryable, agencyId: string): Promise<LetterheadRow | undefined> {
  const r = await tx.query<LetterheadRow>(
    `SELECT a.name, a.settings->>'letterheadName' AS shown, l.content_type, l.data
       FROM agencies a LEFT JOIN agency_logos l ON l.agency_id = a.id
      WHERE a.id = $1`,
    [agencyId],
  );
  return r.rows[0];
}

/** The setting `timeZone` as stored, null when unset. */
export async function timeZoneSetting(tx: Queryable, agencyId: string): Promise<string | null> {
  const r = await tx.query<{ tz: string | null }>(
    `SELECT settings->>'timeZone' AS tz FROM agencies WHERE id = $1`,
    [agencyId],
  );
  return r.rows[0]?.tz ?? null;
}

/** The setting `suppressionThreshold` as text, null when unset. */
export async function suppressionThresholdSetting(tx: Queryable, agencyId: string): Promise<string | null> {
  const r = await tx.query<{ t: string | null }>(
    `SELECT settings->>'suppressionThreshold' AS t FROM agencies WHERE id = $1`,
    [agencyId],
  );
  return r.rows[0]?.t ?? null;
}
