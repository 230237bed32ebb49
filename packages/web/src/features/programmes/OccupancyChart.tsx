import { Chart } from '../../ui/Chart.tsx';

export interface OccupancyPoint {
  label: string;
  places: number;
  /** null when the value is suppressed (it is then missing in the chart, never guessed). */
  occupied: number | null;
}

/**
 * Funded vs. occupied places per month as an SVG chart. The chart is one image with a describing
 * label; the same numbers are always in the table next to it, which is the accessible way to read them.
 */
export function OccupancyChart({
  points,
  label,
  seriesPlaces,
  seriesOccupied,
}: {
  points: OccupancyPoint[];
  label: string;
  seriesPlaces: string;
  seriesOccupied: string;
}) {
  return (
    <div className="chart programme-chart" role="img" aria-label={label} data-testid="occupancy-chart">
      <Chart
        height={320}
        option={{
          textStyle: { color: '#1f2933', fontSize: 12 },
          legend: { top: 0, textStyle: { color: '#1f2933' } },
          grid: { left: 48, right: 16, top: 40, bottom: 48 },
          xAxis: {
            type: 'category',
            data: points.map((p) => p.label),
            axisLabel: { color: '#1f2933', rotate: 45 },
            axisLine: { lineStyle: { color: '#52606d' } },
          },
          yAxis: {
            type: 'value',
            minInterval: 1,
            axisLabel: { color: '#1f2933' },
            splitLine: { lineStyle: { color: '#cbd2d9' } },
          },
          series: [
            {
              name: seriesOccupied,
              type: 'bar',
              data: points.map((p) => p.occupied),
              itemStyle: { color: '#1d4f91' },
            },
            {
              name: seriesPlaces,
              type: 'line',
              step: 'middle',
              data: points.map((p) => p.places),
              lineStyle: { color: '#a3271f', width: 2, type: 'dashed' },
              itemStyle: { color: '#a3271f' },
              symbol: 'rect',
            },
          ],
        }}
      />
    </div>
  );
}
