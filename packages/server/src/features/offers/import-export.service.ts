import {
  createOfferRequest,
  createPartnerRequest,
  dimensionShortLabels,
  districtKeyOf,
  districtName,
  type ImportRequest,
  type ImportResult,
  languageCodeOf,
} from '@lotse/domain';
import type { z } from 'zod';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { today } from '../clients/date-rules.ts';
import { listDistricts } from '../districts/districts.service.ts';
import { knownDimensionKeys } from '../instruments/dimension-keys.ts';
import {
  insertPartners,
  listPartners,
  ownPartnerNames,
  type PartnerInsert,
} from '../partners/partners.service.ts';
import { insertOffers, listOffers, type OfferInsert } from './offers.repo.ts';
import { parseBool, readTable, splitList, writeTable } from './table-io.ts';

/**
 * Import and export of offers and partners as CSV or XLSX. An import is checked row by row first; it
 * writes nothing while a row is invalid, unless the user explicitly chooses to skip invalid rows.
 * The columns of the export are the columns the import reads, so a round trip works.
 */

export const OFFER_COLUMNS = [
  'title',
  'description',
  'partner',
  'dimensions',
  'targetGroups',
  'district',
  'street',
  'postalCode',
  'city',
  'lat',
  'lon',
  'stepFree',
  'easyLanguage',
  'languages',
  'costCents',
  'costNote',
  'schedule',
  'capacity',
  'freePlaces',
  'howToRefer',
  'validFrom',
  'validTo',
  'shared',
] as const;

export const PARTNER_COLUMNS = [
  'name',
  'kind',
  'street',
  'postalCode',
  'city',
  'districts',
  'website',
  'notes',
  'contactName',
  'contactRole',
  'contactPhone',
  'contactEmail',
] as const;

type RowError = ImportResult['errors'][number];
const PREVIEW_ROWS = 20;

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const number = (v: string | undefined): number | string | null => {
  const s = (v ?? '').trim();
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};
const bool = (v: string | undefined, fallback: boolean): boolean | string => {
  if (!v?.trim()) return fallback;
  return parseBool(v) ?? v;
};
const dimensionByLabel = new Map(Object.entries(dimensionShortLabels).map(([k, l]) => [l.toLowerCase(), k]));

function issuesOf(row: number, error: z.ZodError, rename: Record<string, string> = {}): RowError[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    return { row, field: rename[field] ?? field, message: i.message };
  });
}

const address = (r: Record<string, string | undefined>) => ({
  street: text(r.street),
  postalCode: text(r.postalCode),
  city: text(r.city),
});

async function ownDistricts(scope: ActorScope) {
  const districts = await listDistricts(scope.tx, scope.actor.agencyId);
  return { districts, districtKeys: new Set(districts.map((d) => d.key)) };
}

async function decode(input: ImportRequest) {
  return readTable(input.format, Buffer.from(input.data, 'base64'));
}

type ImportRecord = Awaited<ReturnType<typeof decode>>[number];

/** One checked row: the value to store with what the preview shows of it, or the row's errors. */
type RowCheck<T> = (
  r: ImportRecord,
  row: number,
) => { value: T; preview: Record<string, unknown> } | RowError[];

interface Checked<T> {
  valid: { row: number; value: T }[];
  errors: RowError[];
  preview: Record<string, unknown>[];
}

/** How the valid rows of one kind are stored and the import is audited. */
interface Commit<T> {
  insert: (tx: Queryable, agencyId: string, values: T[], by: string, now: Date) => Promise<string[]>;
  action: 'offers.import' | 'partners.import';
  resourceType: 'offer' | 'partner';
}

/**
 * Runs an import of one kind: decodes the file, checks every row with the checker `prepare` builds
 * for the agency, and ends with `finish`.
 */
async function runImport<T>(
  ctx: AppContext,
  actor: Actor,
  input: ImportRequest,
  prepare: (scope: ActorScope) => Promise<RowCheck<T>>,
  commit: Commit<T>,
): Promise<ImportResult> {
  const records = await decode(input);
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.import');
    const check = await prepare(scope);
    const checked: Checked<T> = { valid: [], errors: [], preview: [] };
    records.forEach((r, index) => {
      const row = index + 2; // the header is row 1
      const result = check(r, row);
      if (Array.isArray(result)) checked.errors.push(...result);
      else {
        checked.valid.push({ row, value: result.value });
        checked.preview.push({ row, ...result.preview });
      }
    });
    return finish(scope, input, records.length, checked, commit);
  });
}

/**
 * Ends an import: a commit with invalid rows is refused unless they are to be skipped; a commit
 * stores the valid rows and audits how many were created.
 */
async function finish<T>(
  scope: ActorScope,
  input: ImportRequest,
  total: number,
  { valid, errors, preview }: Checked<T>,
  commit: Commit<T>,
): Promise<ImportResult> {
  if (input.mode === 'commit' && errors.length > 0 && !input.skipInvalid) {
    const rows = new Set(errors.map((e) => e.row)).size;
    throw badRequest(
      `${rows} Zeile(n) sind ungültig; es wurde nichts gespeichert. Korrigieren Sie die Datei oder überspringen Sie ungültige Zeilen ausdrücklich.`,
      errors.slice(0, 200).map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message })),
    );
  }
  const result = {
    mode: input.mode,
    rows: total,
    valid: valid.length,
    errors,
    created: 0,
    skipped: input.mode === 'commit' ? total - valid.length : 0,
    preview: preview.slice(0, PREVIEW_ROWS),
  } satisfies ImportResult;
  if (input.mode === 'commit' && valid.length > 0) {
    const ids = await commit.insert(
      scope.tx,
      scope.actor.agencyId,
      valid.map((v) => v.value),
      scope.actor.userId,
      scope.now,
    );
    result.created = ids.length;
    await scope.audit({
      action: commit.action,
      resourceType: commit.resourceType,
      details: { format: input.format, created: ids.length, skipped: result.skipped },
    });
  }
  return result;
}

/** The offer checker: partners by name, dimensions by key or label, districts of the agency. */
async function offerCheck(scope: ActorScope): Promise<RowCheck<OfferInsert>> {
  const known = await knownDimensionKeys(scope.tx);
  const partners = await ownPartnersByName(scope);
  const { districts, districtKeys } = await ownDistricts(scope);
  return (r, row) => {
    const rowErrors: RowError[] = [];
    const partnerId = partners.get((r.partner ?? '').trim().toLowerCase());
    if (!partnerId)
      rowErrors.push({
        row,
        field: 'partner',
        message: `Netzwerkpartner „${r.partner ?? ''}“ nicht gefunden`,
      });
    const dimensions = splitList(r.dimensions).map((d) => dimensionByLabel.get(d.toLowerCase()) ?? d);
    for (const d of dimensions)
      if (!known.has(d))
        rowErrors.push({ row, field: 'dimensions', message: `Unbekannter Teilhabebereich: ${d}` });
    const candidate = {
      title: r.title ?? '',
      description: r.description ?? '',
      partnerId: partnerId ?? '00000000-0000-4000-8000-000000000000',
      dimensions,
      targetGroups: splitList(r.targetGroups),
      district: districtKeyOf(r.district, districts) ?? r.district ?? '',
      ...address(r),
      lat: number(r.lat),
      lon: number(r.lon),
      stepFree: bool(r.stepFree, false),
      easyLanguage: bool(r.easyLanguage, false),
      languages: r.languages?.trim() ? splitList(r.languages).map((l) => languageCodeOf(l) ?? l) : ['de'],
      costCents: number(r.costCents),
      costNote: text(r.costNote),
      schedule: text(r.schedule),
      capacity: number(r.capacity),
      freePlaces: number(r.freePlaces),
      howToRefer: text(r.howToRefer),
      validFrom: text(r.validFrom),
      validTo: text(r.validTo),
      shared: bool(r.shared, false),
    };
    if (!districtKeys.has(candidate.district))
      rowErrors.push({ row, field: 'district', message: `Unbekannter Sozialraum: ${r.district ?? ''}` });
    const parsed = createOfferRequest.safeParse(candidate);
    if (!parsed.success)
      rowErrors.push(
        ...issuesOf(row, parsed.error, { partnerId: 'partner' }).filter(
          (e) => e.field !== 'partner' || partnerId,
        ),
      );
    if (rowErrors.length === 0 && parsed.success)
      return { value: parsed.data as OfferInsert, preview: { ...parsed.data, partner: r.partner } };
    // One message per field and row is enough (a dimension may fail both the format and the lookup).
    const seen = new Set<string>();
    return rowErrors.filter((e) => !seen.has(e.field) && seen.add(e.field));
  };
}

export const importOffers = (ctx: AppContext, actor: Actor, input: ImportRequest) =>
  runImport(ctx, actor, input, offerCheck, {
    insert: insertOffers,
    action: 'offers.import',
    resourceType: 'offer',
  });

/** The partner checker: districts of the agency; at most one contact person per row. */
async function partnerCheck(scope: ActorScope): Promise<RowCheck<PartnerInsert>> {
  const { districts, districtKeys } = await ownDistricts(scope);
  return (r, row) => {
    const contact = text(r.contactName)
      ? [
          {
            name: r.contactName ?? '',
            role: text(r.contactRole),
            phone: text(r.contactPhone),
            email: text(r.contactEmail),
          },
        ]
      : [];
    const parsed = createPartnerRequest.safeParse({
      name: r.name ?? '',
      kind: (r.kind ?? '').trim(),
      contactPersons: contact,
      ...address(r),
      districts: splitList(r.districts).map((d) => districtKeyOf(d, districts) ?? d),
      website: text(r.website),
      notes: text(r.notes),
    });
    if (!parsed.success) return issuesOf(row, parsed.error, { contactPersons: 'contactName' });
    const unknown = parsed.data.districts.filter((d) => !districtKeys.has(d));
    if (unknown.length > 0)
      return [{ row, field: 'districts', message: `Unbekannter Sozialraum: ${unknown.join(', ')}` }];
    // Contact persons are personal data: the preview shows how many, not who.
    return {
      value: parsed.data,
      preview: { ...parsed.data, contactPersons: parsed.data.contactPersons.length },
    };
  };
}

export const importPartners = (ctx: AppContext, actor: Actor, input: ImportRequest) =>
  runImport(ctx, actor, input, partnerCheck, {
    insert: insertPartners,
    action: 'partners.import',
    resourceType: 'partner',
  });

async function ownPartnersByName(scope: ActorScope): Promise<Map<string, string>> {
  const rows = await ownPartnerNames(scope.tx, scope.actor.agencyId);
  return new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
}

const yesNo = (v: boolean) => (v ? 'ja' : 'nein');
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The own agency's offers (all, also expired) in the import format. */
export async function exportOffers(ctx: AppContext, actor: Actor, format: 'csv' | 'xlsx') {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const districts = await listDistricts(scope.tx, actor.agencyId);
    const { rows } = await listOffers(
      scope.tx,
      { scope: 'own', includeExpired: true },
      actor.agencyId,
      today(scope.now),
      100_000,
      0,
    );
    const table = rows.map((o) => ({
      title: o.title,
      description: o.description,
      partner: o.partner_name,
      dimensions: o.dimensions.join(';'),
      targetGroups: o.target_groups.join(';'),
      district: districtName(o.district, districts),
      street: str(o.street),
      postalCode: str(o.postal_code),
      city: str(o.city),
      lat: str(o.lat),
      lon: str(o.lon),
      stepFree: yesNo(o.step_free),
      easyLanguage: yesNo(o.easy_language),
      languages: o.languages.join(';'),
      costCents: str(o.cost_cents),
      costNote: str(o.cost_note),
      schedule: str(o.schedule),
      capacity: str(o.capacity),
      freePlaces: str(o.free_places),
      howToRefer: str(o.how_to_refer),
      validFrom: str(o.valid_from),
      validTo: str(o.valid_to),
      shared: yesNo(o.shared),
    }));
    await scope.audit({
      action: 'offers.export',
      resourceType: 'offer',
      details: { format, count: table.length },
    });
    return writeTable(format, OFFER_COLUMNS, table, 'Angebote');
  });
}

/** The own agency's partners in the import format (first contact person only). Audited: contacts. */
export async function exportPartners(ctx: AppContext, actor: Actor, format: 'csv' | 'xlsx') {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const districts = await listDistricts(scope.tx, actor.agencyId);
    const { rows } = await listPartners(scope.tx, {}, 100_000, 0);
    const own = rows.filter((p) => p.agency_id === actor.agencyId);
    const table = own.map((p) => ({
      name: p.name,
      kind: p.kind,
      street: str(p.street),
      postalCode: str(p.postal_code),
      city: str(p.city),
      districts: p.districts.map((d) => districtName(d, districts)).join(';'),
      website: str(p.website),
      notes: str(p.notes),
      contactName: str(p.contact_persons[0]?.name),
      contactRole: str(p.contact_persons[0]?.role),
      contactPhone: str(p.contact_persons[0]?.phone),
      contactEmail: str(p.contact_persons[0]?.email),
    }));
    await scope.audit({
      action: 'partners.export',
      resourceType: 'partner',
      details: { format, count: table.length },
    });
    return writeTable(format, PARTNER_COLUMNS, table, 'Netzwerkpartner');
  });
}

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
