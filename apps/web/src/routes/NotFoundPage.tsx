import { Link } from "react-router";
import { useDocumentTitle } from "../lib/use-document-title";

export function NotFoundContent({ title, what }: { title: string; what: string }) {
  useDocumentTitle(title);
  return (
    <div className="state">
      <h1>{title}</h1>
      <p>We could not find that {what}. It may have moved or been unpublished.</p>
      <Link to="/" className="button button-primary">
        Browse the catalog
      </Link>
    </div>
  );
}

export function Component() {
  return <NotFoundContent title="Page not found" what="page" />;
}
