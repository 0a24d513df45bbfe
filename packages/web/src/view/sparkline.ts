/**
 * The SVG path of a sparkline: one point per period, left to right, scaled so the lowest value
 * sits on the bottom edge and the highest on the top (a flat series sits in the middle). A
 * missing value breaks the line; a lone point between gaps becomes a dot-sized segment.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return "";
  const min = Math.min(...present);
  const max = Math.max(...present);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : height - ((v - min) / (max - min)) * height);
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    const point = `${round(i * step)} ${round(y(value))}`;
    const next = values[i + 1];
    const alone = !drawing && (next === undefined || next === null || !Number.isFinite(next));
    parts.push(drawing ? `L${point}` : alone ? `M${point}h0.01` : `M${point}`);
    drawing = true;
  });
  return parts.join(" ");
}

const round = (n: number) => Math.round(n * 100) / 100;
