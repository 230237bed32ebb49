import { LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  RadarChart,
  LineChart,
  RadarComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * An ECharts chart rendered as SVG. Charts are never the only way to read the numbers: every chart
 * comes with a table of the same values; the chart itself is one image with a describing label.
 */
export function EChart({
  option,
  label,
  height = 360,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised option stands for the option object
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: false }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [key]);
  return (
    <div className="chart" role="img" aria-label={label} data-testid={testId}>
      <div ref={ref} aria-hidden="true" style={{ height, width: '100%' }} />
    </div>
  );
}
