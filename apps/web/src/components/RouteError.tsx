import { Trans, useLingui } from "@lingui/react/macro";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { stateStyles } from "./states";
import { Button, ButtonLink } from "./ui/Button";
import { cx } from "./ui/cx";

/** Last-resort boundary for a page that threw while rendering or failed to load its code. */
export function RouteError() {
  const { t } = useLingui();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className={cx(stateStyles.state, stateStyles.error)} role="alert">
      <h1>{notFound ? t`Page not found` : t`Something went wrong`}</h1>
      <p>
        {notFound
          ? t`We could not find that page.`
          : t`This page failed to load. Reloading often helps after an update.`}
      </p>
      <p className={stateStyles.actions}>
        <Button variant="secondary" onClick={() => location.reload()}>
          <Trans>Reload</Trans>
        </Button>
        <ButtonLink to="/" variant="ghost">
          <Trans>Browse the catalog</Trans>
        </ButtonLink>
      </p>
    </div>
  );
}
