/**
 * Districts ("Sozialräume") of the demo region: the towns of Ennepe-Ruhr-Kreis and Märkischer Kreis.
 * Offers, partners and planning use these keys; client records hold free text, which
 * `districtKeyOf` maps to a key (key, name, or a name with a quarter such as "Witten-Annen").
 */
export interface District {
  key: string;
  name: string;
  county: 'EN' | 'MK';
  /** Approximate town centre (WGS 84), for the map and for demo offer coordinates. */
  lat: number;
  lon: number;
}

export const districts: readonly District[] = [
  { key: 'witten', name: 'Witten', county: 'EN', lat: 51.4378, lon: 7.3357 },
  { key: 'hattingen', name: 'Hattingen', county: 'EN', lat: 51.3993, lon: 7.1858 },
  { key: 'sprockhoevel', name: 'Sprockhövel', county: 'EN', lat: 51.3466, lon: 7.2458 },
  { key: 'wetter', name: 'Wetter (Ruhr)', county: 'EN', lat: 51.3878, lon: 7.3947 },
  { key: 'herdecke', name: 'Herdecke', county: 'EN', lat: 51.4004, lon: 7.4327 },
  { key: 'gevelsberg', name: 'Gevelsberg', county: 'EN', lat: 51.3219, lon: 7.3381 },
  { key: 'schwelm', name: 'Schwelm', county: 'EN', lat: 51.2871, lon: 7.2937 },
  { key: 'ennepetal', name: 'Ennepetal', county: 'EN', lat: 51.2986, lon: 7.3631 },
  { key: 'breckerfeld', name: 'Breckerfeld', county: 'EN', lat: 51.2596, lon: 7.4678 },
  { key: 'iserlohn', name: 'Iserlohn', county: 'MK', lat: 51.3759, lon: 7.6966 },
  { key: 'hemer', name: 'Hemer', county: 'MK', lat: 51.3853, lon: 7.7676 },
  { key: 'menden', name: 'Menden (Sauerland)', county: 'MK', lat: 51.4406, lon: 7.7994 },
  { key: 'balve', name: 'Balve', county: 'MK', lat: 51.3314, lon: 7.865 },
  { key: 'altena', name: 'Altena', county: 'MK', lat: 51.2994, lon: 7.6717 },
  { key: 'nachrodt', name: 'Nachrodt-Wiblingwerde', county: 'MK', lat: 51.3208, lon: 7.6208 },
  { key: 'luedenscheid', name: 'Lüdenscheid', county: 'MK', lat: 51.2198, lon: 7.6273 },
  { key: 'schalksmuehle', name: 'Schalksmühle', county: 'MK', lat: 51.2416, lon: 7.5208 },
  { key: 'halver', name: 'Halver', county: 'MK', lat: 51.1866, lon: 7.4999 },
  { key: 'kierspe', name: 'Kierspe', county: 'MK', lat: 51.1361, lon: 7.5901 },
  { key: 'meinerzhagen', name: 'Meinerzhagen', county: 'MK', lat: 51.1068, lon: 7.6415 },
  { key: 'herscheid', name: 'Herscheid', county: 'MK', lat: 51.1787, lon: 7.7443 },
  { key: 'plettenberg', name: 'Plettenberg', county: 'MK', lat: 51.2124, lon: 7.8716 },
  { key: 'werdohl', name: 'Werdohl', county: 'MK', lat: 51.2585, lon: 7.7601 },
  { key: 'neuenrade', name: 'Neuenrade', county: 'MK', lat: 51.2829, lon: 7.7801 },
];

export const districtKeys = districts.map((d) => d.key) as [string, ...string[]];

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replaceAll('ß', 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Maps a district as typed in a client record ("Witten-Annen", "lüdenscheid", "iserlohn") to a key. */
export function districtKeyOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const folded = fold(value);
  if (!folded) return undefined;
  for (const d of districts) if (d.key === folded || fold(d.name) === folded) return d.key;
  // "Witten-Annen", "Quartier Iserlohn Nord": the first district whose name starts a word of the value.
  for (const d of districts) {
    const name = fold(d.name).split(' ')[0] as string;
    if (folded.split(' ').includes(name) || folded.startsWith(name)) return d.key;
  }
  return undefined;
}

export function districtName(key: string): string {
  return districts.find((d) => d.key === key)?.name ?? key;
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
