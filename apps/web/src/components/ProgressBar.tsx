import { formatNumber } from "../lib/format";
import s from "./ProgressBar.module.css";
/**
 * A determinate progress bar that assistive technology reads as one (role, value, and the
 * words shown beside it); styled here rather than with <progress> so every browser draws it
 * the same.
 */
export function ProgressBar({
  percent,
  label,
  valueText,
  id,
}: {
  percent: number;
  label: string;
  valueText?: string;
  id?: string;
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      id={id}
      className={s.bar}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText ?? formatNumber(value / 100, { style: "percent" })}
    >
      <div className={s.fill} style={{ width: `${value}%` }} />
    </div>
  );
}
