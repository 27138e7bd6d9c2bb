import s from "./DirectionArrow.module.css";

/**
 * An arrow that points the way the content runs (ADR 0028): `start` is where reading begins
 * (previous, back), `end` where it goes (next). Drawn as ← / → and mirrored in right-to-left,
 * so in Arabic "next" points left. Decorative: the words beside it say what it does.
 * Arrows that name a physical key (Alt + ←) are not this: the key does not mirror.
 */
export function DirectionArrow({ to }: { to: "start" | "end" }) {
  return (
    <span aria-hidden="true" className={s.arrow}>
      {to === "start" ? "←" : "→"}
    </span>
  );
}
