import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { cx } from "./cx";
import s from "./Menu.module.css";

export interface MenuOption<T> {
  value: T;
  label: string;
  /** The label's own language (a language menu's endonyms): read and spoken as such. */
  lang?: string;
}

/**
 * A button that opens a menu of choices (menuitemradio): focus moves into the menu on the
 * chosen item; ↑/↓, Home/End move; Enter/Space choose; Escape and Tab close, and focus
 * returns to the button. `tone`: "media" for the player's dark chrome (it opens upwards),
 * "surface" for the page (it opens downwards). The button's look is its owner's.
 */
export function MenuButton<T>({
  label,
  buttonText,
  icon,
  options,
  value,
  onChange,
  tone = "surface",
  buttonClassName,
}: {
  label: string;
  buttonText?: string;
  icon?: ReactNode;
  options: ReadonlyArray<MenuOption<T>>;
  value: T;
  onChange: (value: T) => void;
  tone?: "media" | "surface";
  buttonClassName?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menu.current);
    (list.find((item) => item.getAttribute("aria-checked") === "true") ?? list[0])?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (next: T) => {
    onChange(next);
    close(true);
  };
  const onMenuKey = (event: KeyboardEvent) => {
    // Every key stays in the menu: the player's shortcuts must not fire behind it.
    event.stopPropagation();
    if (event.key === "Tab") return close(false);
    if (event.key === "Escape") {
      event.preventDefault();
      return close(true);
    }
    const list = menuItems(menu.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const next = nextIndex(event.key, index, list.length);
    if (next === null) return;
    event.preventDefault();
    list[next]?.focus();
  };

  return (
    <div className={s.menu}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        // The visible text leads the name (WCAG 2.5.3): "1× playback speed" can be said to
        // operate it by voice, and a screen reader hears the current value first.
        aria-label={buttonText ? `${buttonText} ${label.toLowerCase()}` : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            event.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {icon}
        {buttonText && <span>{buttonText}</span>}
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={label}
          className={cx(s.list, s[tone])}
          onKeyDown={onMenuKey}
        >
          {options.map((option) => (
            <div
              key={option.label}
              role="menuitemradio"
              className={s.item}
              aria-checked={option.value === value}
              tabIndex={-1}
              lang={option.lang}
              translate={option.lang ? "no" : undefined}
              onClick={() => choose(option.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  choose(option.value);
                }
              }}
            >
              {option.label}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
}

/** Where ↑/↓/Home/End move focus in a menu of `count` items (wrapping), or null. */
function nextIndex(key: string, index: number, count: number): number | null {
  if (key === "ArrowDown") return (index + 1) % count;
  if (key === "ArrowUp") return (index - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}
