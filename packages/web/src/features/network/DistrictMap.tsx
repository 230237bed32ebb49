import type { District, OfferView } from '@lotse/domain';
import { useTranslation } from 'react-i18next';

const WIDTH = 640;
const HEIGHT = 520;

type Position = [number, number];

/** The outer rings of a district's boundary (one per polygon). */
const outerRings = (d: District): Position[][] => {
  const b = d.boundary;
  if (!b) return [];
  const polygons = b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
  return polygons.map((p) => (p[0] ?? []) as Position[]);
};

/** Label position: the centre when given, else the mean of the first ring's points. */
function labelPoint(d: District): Position | null {
  if (d.centre) return d.centre.coordinates as Position;
  const ring = outerRings(d)[0]?.slice(0, -1) ?? [];
  if (ring.length === 0) return null;
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

/** The map's legend: one dot per state of an offer's places. */
const legend = [
  { dot: 'district-map__dot', label: 'network.map.legendFree' },
  { dot: 'district-map__dot district-map__dot--full', label: 'network.map.legendFull' },
] as const;

/** An equirectangular projection fitted to the districts and offers (no tile server, no library). */
function projection(points: Position[]) {
  const meanLat = points.reduce((s, p) => s + p[1], 0) / Math.max(points.length, 1);
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p[0] * k);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs);
  const maxY = Math.max(...ys);
  const spanX = Math.max(Math.max(...xs) - minX, 1e-3);
  const spanY = Math.max(maxY - Math.min(...ys), 1e-3);
  const scale = Math.min((WIDTH - 40) / spanX, (HEIGHT - 40) / spanY);
  return ([lon, lat]: Position): Position => [20 + (lon * k - minX) * scale, 20 + (maxY - lat) * scale];
}

/**
 * The agency's districts as an SVG map from their GeoJSON boundaries and centres (`/api/districts`,
 * no tile server) with the offers as dots. The list next to it carries the same offers, so the map is
 * an image with a text alternative.
 */
export function DistrictMap({
  offers,
  districts,
}: {
  offers: readonly OfferView[];
  districts: readonly District[];
}) {
  const { t } = useTranslation();
  const placed = offers.filter((o) => o.lat !== null && o.lon !== null);
  const mapped = districts.filter((d) => d.boundary || d.centre);
  const points: Position[] = [
    ...mapped.flatMap((d) => [
      ...outerRings(d).flat(),
      ...(d.centre ? [d.centre.coordinates as Position] : []),
    ]),
    ...placed.map((o): Position => [o.lon as number, o.lat as number]),
  ];
  if (points.length === 0) return <p className="muted">{t('network.map.noGeometry')}</p>;
  const project = projection(points);
  const path = (ring: Position[]) =>
    `M${ring
      .map((p) =>
        project(p)
          .map((v) => v.toFixed(1))
          .join(','),
      )
      .join('L')}Z`;
  return (
    <figure className="district-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('network.map.label', { count: placed.length })}
        className="district-map__svg"
      >
        {mapped.map((d, i) =>
          outerRings(d).map((ring) => (
            <path
              key={`${d.key}-${ring[0]?.join(',')}-${ring.length}`}
              d={path(ring)}
              className={`district-map__area district-map__area--${i % 2 === 0 ? 'a' : 'b'}`}
            />
          )),
        )}
        {placed.map((o) => {
          const [x, y] = project([o.lon as number, o.lat as number]);
          return (
            <circle
              key={o.id}
              cx={x}
              cy={y}
              r={4}
              className={`district-map__dot${o.freePlaces === 0 ? ' district-map__dot--full' : ''}`}
            >
              <title>{`${o.title} (${o.partner.name})`}</title>
            </circle>
          );
        })}
        {mapped.map((d) => {
          const at = labelPoint(d);
          if (!at) return null;
          const [x, y] = project(at);
          return (
            <text key={`label-${d.key}`} x={x} y={y - 6} className="district-map__label" textAnchor="middle">
              {d.name.replace(/ \(.*\)$/, '')}
            </text>
          );
        })}
      </svg>
      <ul className="district-map__legend" aria-label={t('network.map.legendLabel')}>
        {legend.map((entry) => (
          <li key={entry.label}>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" className={entry.dot} />
            </svg>
            {t(entry.label)}
          </li>
        ))}
      </ul>
      <figcaption className="district-map__caption">
        {t('network.offers.mapHelp')} {t('network.map.schematic')}
      </figcaption>
    </figure>
  );
}
