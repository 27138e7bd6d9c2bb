import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../lib/i18n/testing";
import type { ThreadSummary } from "./api";
import { Byline } from "./PostParts";
import { ThreadList } from "./ThreadList";

// A retired account's posts stay readable with their author cleared (ADR 0027): the forum
// answers `author: null` and every place that names an author says "Deleted account".

const CREATED = "2026-03-01T10:00:00.000Z";

function thread(author: ThreadSummary["author"]): ThreadSummary {
  return {
    id: "00000000-0000-4000-8000-00000000000a",
    courseId: "00000000-0000-4000-8000-000000000001",
    lessonId: null,
    kind: "discussion",
    title: "How do loops end?",
    author,
    pinned: false,
    locked: false,
    answered: false,
    replyCount: 2,
    score: 1,
    createdAt: CREATED,
    lastActivityAt: CREATED,
    hidden: false,
    hiddenReason: null,
    deleted: false,
  };
}

/** The page's text, without markup. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("a post whose author's account was deleted", () => {
  it("shows “Deleted account” in its byline, without a staff badge", () => {
    const html = renderToStaticMarkup(
      withI18n(<Byline author={null} createdAt={CREATED} editedAt={null} />),
    );
    expect(html).toContain("<strong>Deleted account</strong>");
    expect(text(html)).not.toContain("Staff");
  });

  it("shows “Deleted account” in the thread list, beside a thread whose author is named", () => {
    const named = {
      ...thread({ id: "u-ines", name: "Ines Instructor", isStaff: true }),
      id: "00000000-0000-4000-8000-00000000000b",
    };
    const html = renderToStaticMarkup(
      withI18n(
        <MemoryRouter>
          <ThreadList slug="loops" threads={[thread(null), named]} />
        </MemoryRouter>,
      ),
    );
    const items = html.split("<li").slice(1).map(text);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain("How do loops end?");
    expect(items[0]).toContain("Deleted account");
    expect(items[0]).not.toContain("Staff");
    expect(items[1]).toContain("Ines Instructor");
    expect(items[1]).not.toContain("Deleted account");
  });
});
