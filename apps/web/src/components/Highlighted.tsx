import { useMemo } from "react";
import { parseHighlight } from "../lib/highlight";

/**
 * Text with the search's matches marked. `html` is the API's escaped highlight; it is parsed
 * into text nodes (see lib/highlight.ts), never injected as HTML.
 */
export function Highlighted({ text, html }: { text: string; html?: string | undefined }) {
  const segments = useMemo(() => (html ? parseHighlight(html) : null), [html]);
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <mark key={index}>{segment.text}</mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
