/**
 * A code editor for programming exercises (learners' answers, instructors' starter code and
 * reference solutions). CodeMirror is loaded on demand, in its own chunk: until it arrives,
 * and if it cannot load, a plain monospace textarea with the same id, name and value stands
 * in, so the learner can type at once; CodeMirror then takes over with the current value (and
 * the caret and focus, if the learner was typing).
 */
import { Component, type CSSProperties, lazy, type ReactNode, Suspense, useRef } from "react";
import s from "./CodeEditor.module.css";
import { type CodeEditorProps, describedByIds, hintId, keyboardHint } from "./editor-logic";

export type { CodeEditorProps } from "./editor-logic";

const loadCodeMirror = () => import("./CodeMirrorEditor");
const CodeMirrorEditor = lazy(loadCodeMirror);

/** Starts fetching CodeMirror ahead of time (e.g. on a link's hover); safe to call often. */
export function preloadCodeEditor(): void {
  void loadCodeMirror().catch(() => {});
}

interface Caret {
  focused: boolean;
  anchor: number;
  head: number;
}

export function CodeEditor(props: CodeEditorProps) {
  const { id, value, onChange, label, readOnly = false, minLines = 3, describedBy } = props;
  const caret = useRef<Caret>({ focused: false, anchor: 0, head: 0 });
  const hint = keyboardHint(readOnly);
  const track = (event: { currentTarget: HTMLTextAreaElement }, focused: boolean) => {
    const { selectionStart, selectionEnd, selectionDirection } = event.currentTarget;
    const backward = selectionDirection === "backward";
    caret.current = {
      focused,
      anchor: backward ? selectionEnd : selectionStart,
      head: backward ? selectionStart : selectionEnd,
    };
  };
  const fallback = (
    <textarea
      id={id}
      className={s.fallback}
      value={value}
      onChange={(event) => {
        track(event, true);
        onChange(event.currentTarget.value);
      }}
      onFocus={(event) => track(event, true)}
      onSelect={(event) => track(event, true)}
      // Removing the focused textarea when CodeMirror arrives must not count as leaving it.
      onBlur={(event) => {
        if (event.relatedTarget) track(event, false);
      }}
      aria-label={label}
      aria-describedby={describedByIds(id, true, describedBy).join(" ") || undefined}
      readOnly={readOnly}
      rows={minLines}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
    />
  );
  return (
    <div className={s.editor} style={{ "--code-min-lines": minLines } as CSSProperties}>
      <FallbackOnError fallback={fallback}>
        <Suspense fallback={fallback}>
          <CodeMirrorEditor
            {...props}
            initialSelection={caret.current}
            autoFocus={caret.current.focused}
          />
        </Suspense>
      </FallbackOnError>
      {hint && (
        <p id={hintId(id)} className={s.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** If CodeMirror's chunk cannot load (offline, a new deploy), the textarea stays. */
class FallbackOnError extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
