import { Trans } from "@lingui/react/macro";
import skeleton from "../../components/Skeleton.module.css";
import { cx } from "../../components/ui/cx";
import grid from "./ResultList.module.css";
import s from "./ResultsSkeleton.module.css";

/** Placeholder cards in the shape of the real ones, while the first results load. */
export function ResultsSkeleton({ count = 6 }: { count?: number }) {
  return (
    <>
      <p className="visually-hidden" role="status">
        <Trans>Loading courses…</Trans>
      </p>
      <ul className={grid.grid} aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <li key={index}>
            <div className={s.card}>
              <div className={s.cover} />
              <div className={s.body}>
                <span className={cx(skeleton.line, s.w40)} />
                <span className={cx(skeleton.line, skeleton.title)} />
                <span className={cx(skeleton.line, s.w85)} />
                <span className={cx(skeleton.line, s.w60)} />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
