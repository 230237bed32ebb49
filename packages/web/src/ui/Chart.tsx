import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

export type { EChartsCoreOption };

/**
 * An ECharts chart drawn as SVG. ECharts loads on first use, so only pages that show a chart fetch
 * it. The drawing is hidden from assistive technology: whoever places a chart gives the same
 * figures as text or a table next to it.
 */
export function Chart({
  option,
  height,
  className,
}: {
  option: EChartsCoreOption;
  height: number;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised option stands for the option object
  useEffect(() => {
    let disposed = false;
    let cleanup: () => void = () => {};
    void import('./echarts.ts').then(({ echarts }) => {
      const el = ref.current;
      if (disposed || !el) return;
      const chart = echarts.init(el, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, aria: { enabled: false }, ...option });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(el);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [key]);
  return <div ref={ref} className={className} style={{ height }} aria-hidden="true" />;
}
