import type { OfferView } from '@lotse/domain';
import { useTranslation } from 'react-i18next';
import geo from './districts.geo.json';

interface DistrictFeature {
  properties: { key: string; name: string; county: 'EN' | 'MK' };
  geometry: { coordinates: number[][][] };
}

const WIDTH = 640;
const HEIGHT = 520;
const K = Math.cos((51.3 * Math.PI) / 180);
const features = geo.features as unknown as DistrictFeature[];
const all = features.flatMap((f) => f.geometry.coordinates[0] ?? []);
const minX = Math.min(...all.map((p) => (p[0] ?? 0) * K));
const maxX = Math.max(...all.map((p) => (p[0] ?? 0) * K));
const minY = Math.min(...all.map((p) => p[1] ?? 0));
const maxY = Math.max(...all.map((p) => p[1] ?? 0));
const scale = Math.min((WIDTH - 20) / (maxX - minX), (HEIGHT - 20) / (maxY - minY));
const project = (lon: number, lat: number): [number, number] => [
  10 + (lon * K - minX) * scale,
  10 + (maxY - lat) * scale,
];

function centroid(ring: number[][]): [number, number] {
  const pts = ring.slice(0, -1);
  const x = pts.reduce((s, p) => s + (p[0] ?? 0), 0) / pts.length;
  const y = pts.reduce((s, p) => s + (p[1] ?? 0), 0) / pts.length;
  return project(x, y);
}

/**
 * The districts as an SVG map from bundled GeoJSON (no tile server) with the offers as dots. The list
 * next to it carries the same offers, so the map is an image with a text alternative.
 */
export function DistrictMap({ offers }: { offers: readonly OfferView[] }) {
  const { t } = useTranslation();
  const placed = offers.filter((o) => o.lat !== null && o.lon !== null);
  return (
    <figure className="district-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('network.map.label', { count: placed.length })}
        className="district-map__svg"
      >
        {features.map((f) => {
          const ring = f.geometry.coordinates[0] ?? [];
          const d = `M${ring
            .map((p) =>
              project(p[0] ?? 0, p[1] ?? 0)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join('L')}Z`;
          return (
            <path
              key={f.properties.key}
              d={d}
              className={`district-map__area district-map__area--${f.properties.county.toLowerCase()}`}
            />
          );
        })}
        {features.map((f) => {
          const [x, y] = centroid(f.geometry.coordinates[0] ?? []);
          return (
            <text
              key={`label-${f.properties.key}`}
              x={x}
              y={y - 6}
              className="district-map__label"
              textAnchor="middle"
            >
              {f.properties.name.replace(/ \(.*\)$/, '')}
            </text>
          );
        })}
        {placed.map((o) => {
          const [x, y] = project(o.lon as number, o.lat as number);
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
      </svg>
      <figcaption className="district-map__caption">
        {t('network.offers.mapHelp')} {t('network.map.schematic')}
      </figcaption>
    </figure>
  );
}
