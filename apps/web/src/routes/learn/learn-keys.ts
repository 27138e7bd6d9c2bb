/**
 * Alt+← / Alt+→ move to the previous / next lesson. Not while typing (Option+arrows move by
 * word in a text field on macOS) nor in a choice group, whose arrows pick an option.
 */
export interface ShortcutInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented?: boolean;
  /** The focused element's tag name and, for inputs, type. */
  targetTag?: string;
  targetType?: string;
  targetEditable?: boolean;
}

export function lessonShortcut(event: ShortcutInput): "previous" | "next" | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.defaultPrevented || event.targetEditable) return null;
  const tag = event.targetTag?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return null;
  if (tag === "INPUT" && !["button", "submit", "range"].includes(event.targetType ?? "text")) {
    return null;
  }
  if (event.key === "ArrowLeft") return "previous";
  if (event.key === "ArrowRight") return "next";
  return null;
}
