// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, useState } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { withI18n } from "../../lib/i18n/testing";
import { trpc } from "../../lib/trpc";
import { PostBodyField } from "./PostBodyField";

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const COURSE = "00000000-0000-4000-8000-000000000001";
const MEMBERS = [
  { id: "u-ada", name: "Ada Lovelace", isStaff: false },
  { id: "u-adam", name: "Adam Smith", isStaff: true },
];

/** The field with its value in state, reporting each value to the test. */
function Harness({ onValue }: { onValue: (value: string) => void }) {
  const [value, setValue] = useState("");
  onValue(value);
  return (
    <PostBodyField id="body" label="Body" courseId={COURSE} value={value} onChange={setValue} />
  );
}

/** The field in a page whose query cache already has the members for "Ad" (no network). */
async function mount() {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  client.setQueryData(
    trpc.forum.mentionCandidates.queryKey({ courseId: COURSE, prefix: "Ad" }),
    MEMBERS,
  );
  let current = "";
  const onValue = (value: string) => {
    current = value;
  };
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      withI18n(
        <QueryClientProvider client={client}>
          <Harness onValue={onValue} />
        </QueryClientProvider>,
      ),
    ),
  );
  const textarea = container.querySelector("textarea") as HTMLTextAreaElement;
  return { container, textarea, value: () => current, unmount: () => act(() => root.unmount()) };
}

/** Types `text` as the whole value, caret at its end, as a browser's input event would. */
async function type(textarea: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
  await act(async () => {
    setter?.call(textarea, text);
    textarea.setSelectionRange(text.length, text.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function press(textarea: HTMLTextAreaElement, key: string) {
  await act(async () => {
    textarea.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

const options = (container: HTMLElement) => [...container.querySelectorAll('[role="option"]')];

afterEach(() => {
  document.body.innerHTML = "";
});

describe("the mention picker", () => {
  it("lists members for @ and letters; arrows move, Enter inserts the mention", async () => {
    const field = await mount();
    await type(field.textarea, "Thanks @Ad");
    const listbox = field.container.querySelector('[role="listbox"]');
    expect(listbox?.getAttribute("aria-label")).toBe("Members to mention");
    expect(options(field.container).map((o) => o.textContent)).toEqual([
      "Ada Lovelace",
      "Adam Smith · staff",
    ]);
    expect(field.textarea.getAttribute("aria-controls")).toBe(listbox?.id);

    await press(field.textarea, "ArrowDown");
    await press(field.textarea, "ArrowDown");
    expect(options(field.container).map((o) => o.getAttribute("aria-selected"))).toEqual([
      "false",
      "true",
    ]);
    expect(field.textarea.getAttribute("aria-activedescendant")).toBe(
      options(field.container)[1]?.id,
    );

    await press(field.textarea, "Enter");
    expect(field.value()).toBe("Thanks @[Adam Smith](user:u-adam) ");
    expect(field.container.querySelector('[role="listbox"]')).toBeNull();
    await field.unmount();
  });

  it("Escape closes the list and Enter then types a new line as usual", async () => {
    const field = await mount();
    await type(field.textarea, "@Ad");
    expect(options(field.container)).toHaveLength(2);
    await press(field.textarea, "Escape");
    expect(field.container.querySelector('[role="listbox"]')).toBeNull();
    await press(field.textarea, "Enter");
    expect(field.value()).toBe("@Ad");
    await field.unmount();
  });

  it("does not open for an email address", async () => {
    const field = await mount();
    await type(field.textarea, "write to ada@Ad");
    expect(field.container.querySelector('[role="listbox"]')).toBeNull();
    await field.unmount();
  });
});
