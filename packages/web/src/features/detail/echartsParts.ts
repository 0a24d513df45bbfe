/**
 * The parts of ECharts this page draws with, and nothing else: bars and lines on a grid with a
 * legend and a tooltip, drawn as SVG. Imported on demand, so the charts stay out of the first load.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
