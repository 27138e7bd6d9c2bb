/**
 * CodeMirror 6 behind CodeEditor's props; loaded on demand (CodeEditor lazy-loads this module,
 * so CodeMirror is its own chunk).
 *
 * The editor lives in a shadow root. CodeMirror injects its styles through style-mod, which
 * writes a <style> element into a document's <head>, and the production CSP
 * (`style-src 'self'`, csp.ts) refuses inline <style>. In a shadow root style-mod adopts a
 * constructed stylesheet instead, which CSP does not govern: no nonce, no looser policy.
 * ID references do not cross a shadow root, so the editing surface is described by its hint
 * (and the caller's `describedBy`) through ARIA element reflection instead of aria-describedby.
 */
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  isolateHistory,
} from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { useEffect, useLayoutEffect, useRef } from "react";
import s from "./CodeEditor.module.css";
import {
  type CodeEditorProps,
  type CodeLanguage,
  describedByIds,
  EchoBuffer,
  indentFor,
  minimalChange,
} from "./editor-logic";
import { editorHighlighting, editorTheme } from "./theme";

/** Marks a change that came from the `value` prop, so it is not reported back to onChange. */
const external = Annotation.define<boolean>();

function languageSupport(language: CodeLanguage): Extension {
  return [language === "python" ? python() : javascript(), indentUnit.of(indentFor(language))];
}

function contentAttributes(id: string, label: string, readOnly: boolean): Extension {
  return EditorView.contentAttributes.of({
    id,
    "aria-label": label,
    ...(readOnly ? { "aria-readonly": "true" } : {}),
  });
}

export default function CodeMirrorEditor({
  id,
  value,
  onChange,
  language,
  label,
  readOnly = false,
  describedBy,
  initialSelection,
  autoFocus,
}: CodeEditorProps & {
  /** Where the caret was in the stand-in textarea, and whether it had focus. */
  initialSelection?: { anchor: number; head: number };
  autoFocus?: boolean;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const echoes = useRef(new EchoBuffer()).current;
  const compartments = useRef({
    language: new Compartment(),
    readOnly: new Compartment(),
    attributes: new Compartment(),
  }).current;
  // The props the view was created with; later changes reach it through the effects below.
  const initial = useRef({ value, language, label, readOnly, id, initialSelection, autoFocus });

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    const start = initial.current;
    const length = start.value.length;
    const clamp = (n: number) => Math.min(Math.max(n, 0), length);
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: start.value,
        selection: start.initialSelection && {
          anchor: clamp(start.initialSelection.anchor),
          head: clamp(start.initialSelection.head),
        },
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          bracketMatching(),
          EditorState.tabSize.of(4),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          editorTheme,
          editorHighlighting,
          compartments.language.of(languageSupport(start.language)),
          compartments.readOnly.of(EditorState.readOnly.of(start.readOnly)),
          compartments.attributes.of(contentAttributes(start.id, start.label, start.readOnly)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.every((tr) => tr.annotation(external))) return;
            const text = update.state.doc.toString();
            echoes.sent(text);
            onChangeRef.current(text);
          }),
        ],
      }),
    });
    viewRef.current = view;
    if (start.autoFocus) view.focus();
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, [compartments, echoes]);

  // A new value from outside (e.g. "Reset to starter code"): one undoable edit of the span
  // that differs, so the learner's own history before it stays and Ctrl+Z brings their code back.
  // A layout effect: it runs in the commit's own task. A passive one could run a task later,
  // after the learner typed on (the editor's updates reach React at default priority: events
  // in a shadow root leave window.event unset), and would undo those keystrokes as "external".
  useLayoutEffect(() => {
    const view = viewRef.current;
    // The editor's own edit coming back (maybe behind newer typing) is not a new value.
    if (!view || echoes.isEcho(value)) return;
    const change = minimalChange(view.state.doc.toString(), value);
    if (!change) return;
    // Its own undo step: never merged with the learner's typing just before or after it.
    view.dispatch({ changes: change, annotations: [external.of(true), isolateHistory.of("full")] });
  }, [value, echoes]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        compartments.language.reconfigure(languageSupport(language)),
        compartments.readOnly.reconfigure(EditorState.readOnly.of(readOnly)),
        compartments.attributes.reconfigure(contentAttributes(id, label, readOnly)),
      ],
    });
  }, [compartments, language, readOnly, id, label]);

  useEffect(() => {
    const content = viewRef.current?.contentDOM;
    if (!content) return;
    const elements = describedByIds(id, readOnly, describedBy)
      .map((ref) => document.getElementById(ref))
      .filter((element) => element !== null);
    content.ariaDescribedByElements = elements;
  }, [id, readOnly, describedBy]);

  return <div ref={hostRef} className={s.host} />;
}
