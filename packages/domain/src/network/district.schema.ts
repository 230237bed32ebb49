import { z } from 'zod';

/**
 * Districts ("Sozialräume") are data: each agency maintains its own list (`/api/districts`). Offers,
 * partners, planning and imports use the keys; client records hold free text, which `districtKeyOf`
 * maps to a key of the list (key, name, or a name with a quarter such as "Witten-Annen").
 */
export const districtKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, {
    message: 'Schlüssel aus Kleinbuchstaben, Ziffern und Bindestrichen (höchstens 60 Zeichen)',
  });

/** WGS 84 position [longitude, latitude], as GeoJSON orders it. */
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A closed ring: at least four positions, the last equal to the first. */
const ring = z
  .array(position)
  .min(4)
  .max(10_000)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], {
    message: 'Ein Ring muss geschlossen sein (letzter Punkt = erster Punkt)',
  });
const polygon = z.array(ring).min(1).max(100);

/** GeoJSON Point (RFC 7946): the district's centre for the map. */
export const geoPoint = z.strictObject({ type: z.literal('Point'), coordinates: position });
/** GeoJSON Polygon or MultiPolygon (RFC 7946): the district's boundary for the map. */
export const geoBoundary = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: polygon }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1).max(100) }),
]);
export type GeoPoint = z.infer<typeof geoPoint>;
export type GeoBoundary = z.infer<typeof geoBoundary>;

export const district = z
  .strictObject({
    key: districtKey,
    name: z.string().trim().min(1, { message: 'Name fehlt' }).max(100),
    /** Amtlicher Gemeindeschlüssel (8 digits) or Regionalschlüssel (12 digits). */
    ags: z
      .string()
      .trim()
      .regex(/^(\d{8}|\d{12})$/, { message: 'Gemeindeschlüssel mit 8 oder Regionalschlüssel mit 12 Ziffern' })
      .optional(),
    centre: geoPoint.optional(),
    boundary: geoBoundary.optional(),
  })
  .meta({ id: 'District' });
export type District = z.infer<typeof district>;

export const districtList = z.object({ items: z.array(district) }).meta({ id: 'Districts' });
export type DistrictList = z.infer<typeof districtList>;

export const MAX_DISTRICTS = 500;

/** The agency's whole list (PUT replaces it); keys must be unique. */
export const putDistrictsRequest = z.strictObject({
  items: z
    .array(district)
    .max(MAX_DISTRICTS)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((d, i) => {
        if (seen.has(d.key))
          ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Schlüssel „${d.key}“ doppelt` });
        seen.add(d.key);
      });
    }),
});
export type PutDistrictsRequest = z.infer<typeof putDistrictsRequest>;

/** A district key made from a name ("Wetter (Ruhr)" -> "wetter-ruhr"), for imports without keys. */
export function districtKeyFromName(name: string): string {
  return fold(name).replaceAll(' ', '-').slice(0, 60).replace(/-+$/, '');
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replaceAll('ß', 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

type Named = Pick<District, 'key' | 'name'>;

/** Maps a district as typed in a client record ("Witten-Annen", "lüdenscheid") to a key of `list`. */
export function districtKeyOf(value: string | null | undefined, list: readonly Named[]): string | undefined {
  if (!value) return undefined;
  const folded = fold(value);
  if (!folded) return undefined;
  for (const d of list)
    if (d.key === folded || fold(d.name) === folded || fold(d.key) === folded) return d.key;
  // "Witten-Annen", "Quartier Iserlohn Nord": the first district whose name starts a word of the value.
  for (const d of list) {
    const name = fold(d.name).split(' ')[0] as string;
    if (name && (folded.split(' ').includes(name) || folded.startsWith(name))) return d.key;
  }
  return undefined;
}

/** The name of a district key in `list`, or the key itself when the list does not hold it. */
export function districtName(key: string, list: readonly Named[]): string {
  return list.find((d) => d.key === key)?.name ?? key;
}

/**
 * Short German names of the participation dimensions of the default instrument, for the reason of a
 * suggestion ("passt: soziale Kontakte, Witten"). Other keys fall back to the instrument's title.
 */
export const dimensionShortLabels: Readonly<Record<string, string>> = {
  health: 'Gesundheit',
  daily_structure: 'Tagesstruktur',
  social_contacts: 'soziale Kontakte',
  belonging: 'Zugehörigkeit',
  self_efficacy: 'Selbstwirksamkeit',
  housing: 'Wohnen',
  finances: 'Finanzen',
  family_care: 'Familie und Sorge',
  leisure_culture: 'Freizeit und Kultur',
  education_skills: 'Bildung und Sprache',
  work_readiness: 'Arbeitsmarktnähe',
  support_system: 'Hilfesystem',
};
