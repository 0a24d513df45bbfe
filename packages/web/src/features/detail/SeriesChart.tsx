import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { chartOption } from "./chartOption";

type ChartState = "loading" | "ready" | "failed";

/**
 * The ECharts chart of a series. The chart is a picture for sighted users; its aria-label says
 * what it shows and the table below it is the full text alternative.
 */
export function SeriesChart({
  option,
  summary,
}: {
  option: ReturnType<typeof chartOption>;
  summary: string;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>("loading");

  useEffect(() => {
    let chart: { setOption(option: unknown): void; resize(): void; dispose(): void } | undefined;
    let gone = false;
    const resize = () => chart?.resize();
    import("./echartsParts")
      .then(({ init }) => {
        if (gone || !element.current) return;
        chart = init(element.current, null, { renderer: "svg" });
        chart.setOption(option);
        setState("ready");
      })
      .catch(() => {
        if (!gone) setState("failed");
      });
    window.addEventListener("resize", resize);
    return () => {
      gone = true;
      window.removeEventListener("resize", resize);
      chart?.dispose();
    };
  }, [option]);

  return (
    <div className="detail-chart-frame">
      <div ref={element} className="detail-chart" role="img" aria-label={summary} />
      {state === "loading" && (
        <p className="detail-chart-state muted" role="status">
          {t("detail.chart.loading")}
        </p>
      )}
      {state === "failed" && (
        <p className="detail-chart-state" role="alert">
          {t("detail.chart.failed")}
        </p>
      )}
    </div>
  );
}
