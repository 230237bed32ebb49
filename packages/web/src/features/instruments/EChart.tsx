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
  adapt,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
  /**
   * Parts of the option that depend on the chart's width (merged over `option` at every size), so
   * labels stay inside the drawing on a phone: the SVG is cut at the element's edge.
   */
  adapt?: (width: number) => echarts.EChartsCoreOption;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised option stands for the option object (adapt derives from it)
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: false }, ...option });
    if (adapt) chart.setOption(adapt(el.clientWidth));
    const observer = new ResizeObserver(() => {
      chart.resize();
      if (adapt) chart.setOption(adapt(el.clientWidth));
    });
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
