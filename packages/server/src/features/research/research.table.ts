import { kAnonymise, type ResearchField, researchFields, researchLadders } from '@lotse/domain';
import { parquetWriteBuffer } from 'hyparquet-writer';

/**
 * One row as the database function returns it. The pseudonym (HMAC-SHA256 of the client id under the
 * project's key, first 32 hex digits) is computed in the database: the server never sees the key.
 */
export interface SourceRow {
  pseudonym: string;
  instrument_key: string;
  perspective: string;
  occasion: string;
  months_since_intake: number;
  scores: { dimension: string; score: number | null }[];
  programme: string | null;
  outcome: string | null;
  age_group: string;
  gender: string;
  disability: string;
  district: string | null;
}

export type ColumnType = 'string' | 'integer' | 'number';
export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  values?: string[];
}
export type Cell = string | number | null;
export interface ResearchTable {
  columns: Column[];
  rows: Cell[][];
}

const BASE_COLUMNS: Record<Exclude<ResearchField, 'scores'>, Omit<Column, 'name'>> = {
  instrument: { type: 'string', description: 'Schlüssel des Instruments (z. B. teilhabe_bogen)' },
  perspective: { type: 'string', description: 'Perspektive', values: ['self', 'professional'] },
  occasion: { type: 'string', description: 'Anlass', values: ['intake', 'follow_up', 'exit'] },
  months_since_intake: {
    type: 'integer',
    description: 'Monate seit der ersten Einschätzung dieser Perspektive',
  },
  programme: { type: 'string', description: 'Programm der letzten Teilnahme (leer: keines)' },
  outcome: { type: 'string', description: 'Ergebnis des letzten Falls (leer: offen)' },
  age_group: {
    type: 'string',
    description: 'Altersgruppe bei der ersten Einschätzung; * = zur k-Anonymität verallgemeinert',
  },
  gender: { type: 'string', description: 'Geschlecht; * = verallgemeinert' },
  disability: {
    type: 'string',
    description:
      'Anerkannte Behinderung oder gesundheitliche Einschränkung (yes/no/not_recorded); * = verallgemeinert',
  },
  district: { type: 'string', description: 'Stadtteil bzw. Kommune; * = verallgemeinert' },
};

/** The cell of each column but the scores: from the row, the quasi-identifiers as generalised. */
const CELLS: Record<
  'pseudonym' | keyof typeof BASE_COLUMNS,
  (r: SourceRow, qi: Partial<Record<string, string>>) => Cell
> = {
  pseudonym: (r) => r.pseudonym,
  instrument: (r) => r.instrument_key,
  perspective: (r) => r.perspective,
  occasion: (r) => r.occasion,
  months_since_intake: (r) => r.months_since_intake,
  programme: (r) => r.programme,
  outcome: (r) => r.outcome,
  age_group: (_, qi) => qi.ageGroup ?? null,
  gender: (_, qi) => qi.gender ?? null,
  disability: (_, qi) => qi.disability ?? null,
  district: (_, qi) => qi.district || null,
};

/**
 * The research table: one row per assessment with the pseudonym, the wanted fields and one column
 * per dimension score. The quasi-identifiers (age group, gender, disability, district) are
 * generalised per person until every combination is shared by at least k people; people who would
 * still stand out are left out.
 */
export function researchTable(
  source: readonly SourceRow[],
  fields: readonly ResearchField[],
  dimensionKeys: readonly string[],
  k: number,
): { table: ResearchTable; people: number; leftOut: number } {
  const wanted = new Set(fields.length > 0 ? fields : researchFields);
  const people = new Map<string, Record<string, string>>();
  for (const r of source)
    people.set(r.pseudonym, {
      ageGroup: r.age_group,
      gender: r.gender,
      disability: r.disability,
      district: r.district ?? '',
    });
  const anonymous = kAnonymise(people, researchLadders, k);
  const columns: Column[] = [
    { name: 'pseudonym', type: 'string', description: 'Pseudonym (HMAC-SHA256, projektbezogen)' },
  ];
  for (const [name, c] of Object.entries(BASE_COLUMNS))
    if (wanted.has(name as ResearchField)) columns.push({ name, ...c });
  if (wanted.has('scores'))
    for (const d of dimensionKeys)
      columns.push({
        name: `score_${d}`,
        type: 'number',
        description: `Wert im Bereich ${d} (0-100, höher = besser)`,
      });
  const rows: Cell[][] = [];
  for (const r of source) {
    const qi = anonymous.values.get(r.pseudonym);
    if (!qi) continue;
    const value = (name: string): Cell => {
      const cell = CELLS[name as keyof typeof CELLS];
      return cell ? cell(r, qi) : (r.scores.find((s) => `score_${s.dimension}` === name)?.score ?? null);
    };
    rows.push(columns.map((c) => value(c.name)));
  }
  return { table: { columns, rows }, people: anonymous.values.size, leftOut: anonymous.suppressed.size };
}

/** CSV (RFC 4180); text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const esc = (v: Cell) => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header.map(esc).join(','), ...rows.map((r) => r.map(esc).join(','))].join('\r\n')}\r\n`;
}

export function tableCsv(t: ResearchTable): string {
  return toCsv(
    t.columns.map((c) => c.name),
    t.rows,
  );
}

export function codebookCsv(t: ResearchTable): string {
  return toCsv(
    ['name', 'type', 'description', 'values'],
    t.columns.map((c) => [c.name, c.type, c.description, c.values?.join('|') ?? '']),
  );
}

/** Frictionless Table Schema of the export. */
export function tableSchema(t: ResearchTable) {
  return {
    fields: t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      description: c.description,
      ...(c.values ? { constraints: { enum: c.values } } : {}),
    })),
    missingValues: [''],
  };
}

export function tableParquet(t: ResearchTable): Buffer {
  const typeOf = { string: 'STRING', integer: 'INT32', number: 'DOUBLE' } as const;
  const buffer = parquetWriteBuffer({
    columnData: t.columns.map((c, i) => ({
      name: c.name,
      data: t.rows.map((r) => r[i] ?? null),
      type: typeOf[c.type],
    })),
  });
  return Buffer.from(buffer);
}
