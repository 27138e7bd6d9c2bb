import type { CSSProperties } from "react";
import s from "./CourseCover.module.css";
import { cx } from "./ui/cx";

/**
 * A course's cover image, or a calm tinted placeholder so every card has the same shape.
 * Width and height are given so the grid never shifts while images load.
 */
export function CourseCover({
  url,
  category,
  eager = false,
}: {
  url: string | null | undefined;
  category: string;
  eager?: boolean;
}) {
  if (url) {
    return (
      <img
        className={s.cover}
        src={url}
        alt=""
        width={640}
        height={360}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
      />
    );
  }
  return (
    <div
      className={cx(s.cover, s.placeholder)}
      // The hue is the one thing that varies; the colours made of it are in the stylesheet.
      style={{ "--cover-hue": hueFor(category) } as CSSProperties}
      aria-hidden="true"
    >
      <span>{category.charAt(0)}</span>
    </div>
  );
}

/** A stable hue per category, so a subject keeps its colour across pages. */
export function hueFor(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
