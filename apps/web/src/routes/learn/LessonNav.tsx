import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { lessonShortcut } from "../../lib/learn-keys";
import { lessonPath } from "./api";

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
        say(direction === "next" ? "This is the last lesson." : "This is the first lesson.");
        return;
      }
      say(`${direction === "next" ? "Next" : "Previous"} lesson: ${lesson.title}`);
      navigate(lessonPath(slug, lesson.id));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate, slug]);

  return (
    <nav className="lesson-nav" aria-label="Lessons">
      {previous ? (
        <Link
          to={lessonPath(slug, previous.id)}
          className="button button-ghost lesson-nav-link"
          aria-keyshortcuts="Alt+ArrowLeft"
          rel="prev"
        >
          <span aria-hidden="true">←</span>
          <span className="lesson-nav-text">
            <span className="lesson-nav-label">Previous</span>
            <span className="lesson-nav-title">{previous.title}</span>
          </span>
        </Link>
      ) : (
        <span />
      )}
      <p className="lesson-nav-hint muted" aria-hidden="true">
        <kbd>Alt</kbd> + <kbd>←</kbd> / <kbd>→</kbd>
      </p>
      {next ? (
        <Link
          to={lessonPath(slug, next.id)}
          className="button button-primary lesson-nav-link lesson-nav-next"
          aria-keyshortcuts="Alt+ArrowRight"
          rel="next"
        >
          <span className="lesson-nav-text">
            <span className="lesson-nav-label">Next</span>
            <span className="lesson-nav-title">{next.title}</span>
          </span>
          <span aria-hidden="true">→</span>
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
