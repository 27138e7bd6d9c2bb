import type { KeyboardEvent } from "react";
import { CourseCard, type CourseSummary } from "../../components/CourseCard";
import s from "./ResultList.module.css";
import { SEARCH_INPUT_ID } from "./SearchBox";
import { nextResultIndex } from "./search-keys";

export const RESULTS_ID = "search-results";

/** The result cards. Arrow keys move between them by row and column; Up from the top row returns to the search box. */
export function ResultList({ items }: { items: Array<CourseSummary & { id: string }> }) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = resultLinks();
    const { target } = event;
    const index = target instanceof HTMLElement ? links.indexOf(target) : -1;
    if (index === -1 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = nextResultIndex(index, event.key, links.length, columnCount(links));
    if (next === null) return;
    event.preventDefault();
    if (next === -1) document.getElementById(SEARCH_INPUT_ID)?.focus();
    else links[next]?.focus();
  };
  return (
    <ul id={RESULTS_ID} className={s.grid} onKeyDown={onKeyDown}>
      {items.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} />
        </li>
      ))}
    </ul>
  );
}

export function focusFirstResult(): void {
  resultLinks()[0]?.focus();
}

function resultLinks(): HTMLElement[] {
  const list = document.getElementById(RESULTS_ID);
  return list ? [...list.querySelectorAll<HTMLElement>("li h3 a")] : [];
}

/** Cards on the first row share its top edge; the grid reflows with the viewport. */
function columnCount(links: HTMLElement[]): number {
  const top = links[0]?.closest("li")?.offsetTop;
  return Math.max(1, links.filter((link) => link.closest("li")?.offsetTop === top).length);
}
