import { sparklinePath } from "../view/sparkline";

const WIDTH = 120;
const HEIGHT = 24;

/**
 * A small line of a KPI's recent actuals. Decorative for sight (the card states the numbers);
 * the label says what it shows, for screen readers.
 */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const path = sparklinePath(values, WIDTH, HEIGHT - 4);
  if (path === "") return null;
  return (
    <svg
      className="sparkline"
      viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
