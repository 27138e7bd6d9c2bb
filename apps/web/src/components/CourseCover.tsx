/**
 * A course's cover image, or a calm tinted placeholder so every card has the same shape.
 * Width and height are given so the grid never shifts while images load.
 */
export function CourseCover({
  url,
  category,
  eager = false,
}: {
  url: string | null | undefined;
  category: string;
  eager?: boolean;
}) {
  if (url) {
    return (
      <img
        className="cover"
        src={url}
        alt=""
        width={640}
        height={360}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
      />
    );
  }
  return (
    <div
      className="cover cover-placeholder"
      style={placeholderColours(category)}
      aria-hidden="true"
    >
      <span>{category.charAt(0)}</span>
    </div>
  );
}

function placeholderColours(category: string) {
  const hue = hueFor(category);
  return {
    color: `hsl(${hue} 35% 30%)`,
    backgroundColor: `hsl(${hue} 45% 93%)`,
    backgroundImage: `radial-gradient(circle at 85% 20%, hsl(${hue} 55% 86%) 0 22%, transparent 23%)`,
  };
}

/** A stable hue per category, so a subject keeps its colour across pages. */
export function hueFor(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
