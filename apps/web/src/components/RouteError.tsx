import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** Last-resort boundary for a page that threw while rendering or failed to load its code. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="state state-error" role="alert">
      <h1>{notFound ? "Page not found" : "Something went wrong"}</h1>
      <p>
        {notFound
          ? "We could not find that page."
          : "This page failed to load. Reloading often helps after an update."}
      </p>
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => location.reload()}>
          Reload
        </button>
        <Link to="/" className="button button-ghost">
          Browse the catalog
        </Link>
      </p>
    </div>
  );
}
