import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Chart, type EChartsCoreOption } from '../../ui/Chart.tsx';
import { FigureTable } from '../../ui/FigureTable.tsx';

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
  /** The same figures as a table. */
  table: DataTableProps;
  height?: number;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
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
      {asTable ? <DataTable {...table} /> : <Chart option={option} height={height} className="eval-chart" />}
    </figure>
  );
}

interface DataTableProps {
  caption: string;
  head: string[];
  rows: ReactNode[][];
}

/** The figures of a chart as a table: the first column names the row, the others are numbers. */
export function DataTable({ caption, head, rows }: DataTableProps) {
  return (
    <FigureTable
      caption={caption}
      columns={head.map((label, i) => ({ label, numeric: i > 0 }))}
      rows={rows}
    />
  );
}
