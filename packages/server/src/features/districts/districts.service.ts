import {
  type District,
  type DistrictList,
  districtKeyFromName,
  district as districtSchema,
  type ImportRequest,
  type ImportResult,
  MAX_DISTRICTS,
  type PutDistrictsRequest,
} from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { readTable } from '../offers/table-io.ts';
import { districtUse, listDistricts, replaceDistricts } from './districts.repo.ts';

/** What other features may use of the districts: the agency's list and the demo's set-up. */
export { insertDistricts, listDistricts } from './districts.repo.ts';

type Issue = { path: string; message: string };

/** Issues for keys that are not districts of the agency (offers, partners, filters). */
export async function unknownDistrictIssues(
  tx: Queryable,
  agencyId: string,
  keys: readonly { path: string; key: string }[],
): Promise<Issue[]> {
  if (keys.length === 0) return [];
  const known = new Set((await listDistricts(tx, agencyId)).map((d) => d.key));
  return keys
    .filter((k) => !known.has(k.key))
    .map((k) => ({ path: k.path, message: `Unbekannter Sozialraum: ${k.key}` }));
}

export async function list(ctx: AppContext, actor: Actor): Promise<DistrictList> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'districts.read');
    return { items: await listDistricts(scope.tx, actor.agencyId) };
  });
}

/** Replaces the agency's list; a key still used by an offer or partner cannot be removed (409). */
export async function replace(
  ctx: AppContext,
  actor: Actor,
  input: PutDistrictsRequest,
): Promise<DistrictList> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'districts.manage');
    const before = await listDistricts(scope.tx, actor.agencyId);
    const keep = new Set(input.items.map((d) => d.key));
    const removed = before.filter((d) => !keep.has(d.key));
    const use = await districtUse(scope.tx, actor.agencyId);
    const inUse = removed.filter((d) => (use.get(d.key) ?? 0) > 0);
    if (inUse.length > 0)
      throw conflict(
        `Noch verwendet, daher nicht entfernt: ${inUse
          .map((d) => `${d.name} (${use.get(d.key)} Angebote/Netzwerkpartner)`)
          .join(', ')}. Ordnen Sie diese zuerst einem anderen Sozialraum zu.`,
      );
    await replaceDistricts(scope.tx, actor.agencyId, input.items, scope.now);
    await scope.audit({
      action: 'districts.update',
      resourceType: 'districts',
      details: {
        count: input.items.length,
        added: input.items.filter((d) => !before.some((b) => b.key === d.key)).length,
        removed: removed.length,
      },
    });
    return { items: await listDistricts(scope.tx, actor.agencyId) };
  });
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const coordinate = (v: string | undefined) => {
  const s = text(v);
  return s === undefined ? undefined : Number(s.replace(',', '.'));
};
const json = (v: string | undefined): unknown => {
  const s = text(v);
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/**
 * Reads districts from CSV (or XLSX): columns key (optional: made from the name), name, ags, lat and
 * lon (the centre), boundary (a GeoJSON Polygon or MultiPolygon). Rows are merged into the list by key
 * (an existing district is updated, a new one appended); nothing is removed. Preview first, like the
 * other imports; a commit with invalid rows writes nothing.
 */
export async function importCsv(ctx: AppContext, actor: Actor, input: ImportRequest): Promise<ImportResult> {
  const records = await readTable(input.format, Buffer.from(input.data, 'base64'), MAX_DISTRICTS);
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'districts.manage');
    const current = await listDistricts(scope.tx, actor.agencyId);
    const errors: ImportResult['errors'] = [];
    const valid: District[] = [];
    const seen = new Set<string>();
    records.forEach((r, index) => {
      const row = index + 2; // the header is row 1
      const name = text(r.name) ?? '';
      const lat = coordinate(r.lat);
      const lon = coordinate(r.lon);
      const candidate = {
        // Without a key: the district of the same name, else a key made from the name.
        key: text(r.key) ?? current.find((d) => d.name === name)?.key ?? districtKeyFromName(name),
        name,
        ags: text(r.ags),
        centre:
          lat === undefined && lon === undefined ? undefined : { type: 'Point', coordinates: [lon, lat] },
        boundary: json(r.boundary),
      };
      const parsed = districtSchema.safeParse(candidate);
      if (!parsed.success) {
        const fields = new Set<string>();
        for (const i of parsed.error.issues) {
          const field = String(i.path[0] ?? '');
          if (!fields.has(field)) errors.push({ row, field, message: i.message });
          fields.add(field);
        }
        return;
      }
      if (seen.has(parsed.data.key)) {
        errors.push({ row, field: 'key', message: `Schlüssel „${parsed.data.key}“ doppelt in der Datei` });
        return;
      }
      seen.add(parsed.data.key);
      valid.push(parsed.data);
    });
    if (input.mode === 'commit' && errors.length > 0 && !input.skipInvalid)
      throw badRequest(
        `${new Set(errors.map((e) => e.row)).size} Zeile(n) sind ungültig; es wurde nichts gespeichert.`,
        errors.slice(0, 200).map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message })),
      );
    const merged = [...current];
    for (const d of valid) {
      const at = merged.findIndex((c) => c.key === d.key);
      if (at >= 0) merged[at] = d;
      else merged.push(d);
    }
    if (merged.length > MAX_DISTRICTS)
      throw badRequest(`Höchstens ${MAX_DISTRICTS} Sozialräume.`, [
        { path: 'data', message: 'Zu viele Zeilen' },
      ]);
    const result: ImportResult = {
      mode: input.mode,
      rows: records.length,
      valid: valid.length,
      errors,
      created: 0,
      skipped: input.mode === 'commit' ? records.length - valid.length : 0,
      preview: valid.slice(0, 20).map((d) => ({ key: d.key, name: d.name, ags: d.ags ?? null })),
    };
    if (input.mode === 'commit' && valid.length > 0) {
      await replaceDistricts(scope.tx, actor.agencyId, merged, scope.now);
      result.created = valid.length;
      await scope.audit({
        action: 'districts.import',
        resourceType: 'districts',
        details: { format: input.format, written: valid.length, skipped: result.skipped },
      });
    }
    return result;
  });
}
