import { Trans, useLingui } from "@lingui/react/macro";
import { stateStyles } from "../components/states";
import { ButtonLink } from "../components/ui/Button";
import { useDocumentTitle } from "../lib/use-document-title";

/** A missing page's state; `message` is one whole translated sentence (never a fragment). */
export function NotFoundContent({ title, message }: { title: string; message: string }) {
  useDocumentTitle(title);
  return (
    <div className={stateStyles.state}>
      <h1>{title}</h1>
      <p>{message}</p>
      <ButtonLink to="/" variant="primary">
        <Trans>Browse the catalog</Trans>
      </ButtonLink>
    </div>
  );
}

export function Component() {
  const { t } = useLingui();
  return (
    <NotFoundContent
      title={t`Page not found`}
      message={t`We could not find that page. It may have moved or been unpublished.`}
    />
  );
}
