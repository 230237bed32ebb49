import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { FigureTable } from '../../ui/FigureTable.tsx';
import type { EChartsCoreOption } from './charts.ts';

/**
 * A chart with its one-sentence summary and a table view of the same figures. The chart itself is
 * hidden from assistive technology; the summary and the table carry the content.
 */
export function ChartCard({
  title,
  summary,
  option,
  table,
  height = 360,
}: {
  title: string;
  summary: string;
  option: EChartsCoreOption;
  table: ReactNode;
  height?: number;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const summaryId = useId();
  const key = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised option stands for the chart
  useEffect(() => {
    if (asTable) return;
    let disposed = false;
    let cleanup: () => void = () => {};
    void import('./charts.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, aria: { enabled: false }, ...option });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [key, asTable]);
  return (
    <figure className="eval-figure" aria-describedby={summaryId}>
      <figcaption className="eval-figure__caption">
        <span>{title}</span>
        <Button variant="secondary" size="sm" onPress={() => setAsTable((v) => !v)}>
          {asTable ? t('evaluation.showChart', { title }) : t('evaluation.showTable', { title })}
        </Button>
      </figcaption>
      <p id={summaryId} className="eval-summary">
        {summary}
      </p>
      {asTable ? table : <div ref={ref} className="eval-chart" style={{ height }} aria-hidden="true" />}
    </figure>
  );
}

/** The figures of a chart as a table: the first column names the row, the others are numbers. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <FigureTable
      caption={caption}
      columns={head.map((label, i) => ({ label, numeric: i > 0 }))}
      rows={rows}
    />
  );
}
