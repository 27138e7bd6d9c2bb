import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { buttonClass } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { DirectionArrow } from "../../components/ui/DirectionArrow";
import { lessonPath } from "./api";
import s from "./LessonNav.module.css";
import { lessonShortcut } from "./learn-keys";

interface Neighbour {
  id: string;
  title: string;
}

/**
 * Previous / next lesson, as links and as Alt+← / Alt+→ anywhere on the page. The move is
 * announced; the new page then puts focus on its heading (see Layout).
 */
export function LessonNav({
  slug,
  previous,
  next,
}: {
  slug: string;
  previous: Neighbour | null;
  next: Neighbour | null;
}) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [said, say] = useState("");
  const targets = useRef({ previous, next });
  targets.current = { previous, next };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const direction = lessonShortcut({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        defaultPrevented: event.defaultPrevented,
        targetTag: target?.tagName,
        targetType: target instanceof HTMLInputElement ? target.type : undefined,
        targetEditable: target?.isContentEditable,
      });
      if (!direction) return;
      // Alt+← is also the browser's Back: the lesson's own "previous" is what was meant.
      event.preventDefault();
      const lesson = targets.current[direction];
      if (!lesson) {
        say(direction === "next" ? t`This is the last lesson.` : t`This is the first lesson.`);
        return;
      }
      const { title } = lesson;
      say(direction === "next" ? t`Next lesson: ${title}` : t`Previous lesson: ${title}`);
      navigate(lessonPath(slug, lesson.id));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate, slug, t]);

  return (
    <nav className={s.nav} aria-label={t`Lessons`}>
      {previous ? (
        <Link
          to={lessonPath(slug, previous.id)}
          className={buttonClass({ variant: "ghost" }, s.link)}
          aria-keyshortcuts="Alt+ArrowLeft"
          rel="prev"
        >
          <DirectionArrow to="start" />
          <span className={s.text}>
            <span className={s.label}>
              <Trans>Previous</Trans>
            </span>
            <span className={s.title} translate="no">
              {previous.title}
            </span>
          </span>
        </Link>
      ) : (
        <span />
      )}
      <p className={cx(s.hint, "muted")} aria-hidden="true" translate="no">
        <kbd>Alt</kbd> + <kbd>←</kbd> / <kbd>→</kbd>
      </p>
      {next ? (
        <Link
          to={lessonPath(slug, next.id)}
          className={buttonClass({ variant: "primary" }, cx(s.link, s.next))}
          aria-keyshortcuts="Alt+ArrowRight"
          rel="next"
        >
          <span className={s.text}>
            <span className={s.label}>
              <Trans>Next</Trans>
            </span>
            <span className={s.title} translate="no">
              {next.title}
            </span>
          </span>
          <DirectionArrow to="end" />
        </Link>
      ) : (
        <span />
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </nav>
  );
}
