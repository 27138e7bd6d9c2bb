/** Placeholder cards in the shape of the real ones, while the first results load. */
export function ResultsSkeleton({ count = 6 }: { count?: number }) {
  return (
    <>
      <p className="visually-hidden" role="status">
        Loading courses…
      </p>
      <ul className="card-grid" aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <li key={index}>
            <div className="card skeleton-card">
              <div className="cover skeleton" />
              <div className="card-body">
                <span className="skeleton skeleton-line" style={{ width: "40%" }} />
                <span className="skeleton skeleton-line skeleton-title" />
                <span className="skeleton skeleton-line" style={{ width: "85%" }} />
                <span className="skeleton skeleton-line" style={{ width: "60%" }} />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
