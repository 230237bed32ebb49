/**
 * Makes districts.geo.json: schematic district polygons (Voronoi cells of the town centres, clipped
 * to a simplified outline of Ennepe-Ruhr-Kreis and Märkischer Kreis). Not official boundaries; good
 * enough to place offers on a map without any external tile server.
 * Run from the repository root: npx tsx packages/web/src/features/offers/make-district-map.ts
 */
import { writeFileSync } from 'node:fs';
import { districts } from '../../../../domain/src/network/districts.ts';

type P = [number, number];
const outline: P[] = [
  [7.11, 51.42],
  [7.22, 51.47],
  [7.38, 51.47],
  [7.5, 51.44],
  [7.62, 51.43],
  [7.74, 51.48],
  [7.88, 51.48],
  [7.97, 51.37],
  [7.96, 51.21],
  [7.89, 51.11],
  [7.71, 51.05],
  [7.56, 51.07],
  [7.46, 51.14],
  [7.4, 51.21],
  [7.3, 51.24],
  [7.16, 51.29],
  [7.1, 51.35],
];
const k = Math.cos((51.3 * Math.PI) / 180);
const toXY = ([lon, lat]: P): P => [lon * k, lat];
const fromXY = ([x, y]: P): P => [x / k, y];
function clip(poly: P[], a: P, b: P): P[] {
  // keep points closer to a than to b
  const mid: P = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const n: P = [b[0] - a[0], b[1] - a[1]];
  const side = (p: P) => (p[0] - mid[0]) * n[0] + (p[1] - mid[1]) * n[1];
  const out: P[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as P,
      q = poly[(i + 1) % poly.length] as P;
    const sp = side(p),
      sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}
const sites = districts.map((d) => toXY([d.lon, d.lat]));
const features = districts.map((d, i) => {
  let poly = outline.map(toXY);
  sites.forEach((s, j) => {
    if (j !== i) poly = clip(poly, sites[i] as P, s);
  });
  const ring = poly.map(fromXY).map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  ring.push(ring[0] as number[]);
  return {
    type: 'Feature',
    properties: { key: d.key, name: d.name, county: d.county },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
});
writeFileSync(
  'packages/web/src/features/offers/districts.geo.json',
  `${JSON.stringify({ type: 'FeatureCollection', name: 'Sozialräume (schematisch)', features })}\n`,
);
console.log(features.length);
