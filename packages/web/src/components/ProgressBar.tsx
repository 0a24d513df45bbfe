import { useTranslation } from "react-i18next";
import type { StatusTone } from "../format/statusLabel";

interface ProgressBarProps {
  /** Actual ÷ target (not clamped; the bar fills at 100 %). */
  progress: number | null;
  /** Where the actual should be by today, as a share of the target (a tick on the bar). */
  expected: number | null;
  tone: StatusTone;
  label: string;
  /** The progress as text, read out with the bar. */
  valueText: string;
  expectedText: string | null;
}

const clampShare = (share: number) => Math.max(0, Math.min(1, share));

export function ProgressBar({ expectedText, ...props }: ProgressBarProps) {
  const { t } = useTranslation();
  return (
    <ProgressBarView
      {...props}
      expectedMark={expectedText ? t("dashboard.expectedMark", { value: expectedText }) : null}
    />
  );
}

/**
 * The bar without a hook of its own, for lists that translate once (the dashboard's cards):
 * `expectedMark` is the pace mark's phrase ("expected by today: …").
 */
export function ProgressBarView({
  progress,
  expected,
  tone,
  label,
  valueText,
  expectedMark,
}: Omit<ProgressBarProps, "expectedText"> & { expectedMark: string | null }) {
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <div
      className={`progress progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress === null ? undefined : Math.min(percent, 100)}
      aria-valuetext={expectedMark ? `${valueText} (${expectedMark})` : valueText}
    >
      <div className="progress-fill" style={{ width: `${clampShare(progress ?? 0) * 100}%` }} />
      {expected !== null && (
        <div
          className="progress-expected"
          style={{ left: `${clampShare(expected) * 100}%` }}
          title={expectedMark ?? undefined}
        />
      )}
    </div>
  );
}
