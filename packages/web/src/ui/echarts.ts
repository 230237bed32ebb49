import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/** ECharts with only what the charts of the app need; imported on demand by Chart only. */
echarts.use([
  BarChart,
  LineChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };
