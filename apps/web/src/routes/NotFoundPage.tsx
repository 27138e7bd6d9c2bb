import { stateStyles } from "../components/states";
import { ButtonLink } from "../components/ui/Button";
import { useDocumentTitle } from "../lib/use-document-title";

export function NotFoundContent({ title, what }: { title: string; what: string }) {
  useDocumentTitle(title);
  return (
    <div className={stateStyles.state}>
      <h1>{title}</h1>
      <p>We could not find that {what}. It may have moved or been unpublished.</p>
      <ButtonLink to="/" variant="primary">
        Browse the catalog
      </ButtonLink>
    </div>
  );
}

export function Component() {
  return <NotFoundContent title="Page not found" what="page" />;
}
