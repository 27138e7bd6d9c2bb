import { Trans } from "@lingui/react/macro";
import { Panel } from "../../../components/ui/Panel";
import s from "./api-keys.module.css";
import { apiBaseUrl } from "./view";

/** How an integrator calls the REST API with a key (the reference page documents the rest). */
export function ApiUsage() {
  const base = apiBaseUrl();
  return (
    <Panel as="section" stack className={s.usage} aria-labelledby="how-to-call">
      <h2 id="how-to-call" className={s.sectionTitle}>
        <Trans>How to call the API</Trans>
      </h2>
      <p>
        <Trans>
          Send the key as a bearer token. Every endpoint, its parameters and its answers are in the{" "}
          <a href={`${base}/docs`}>API reference</a> (OpenAPI document at{" "}
          <a href={`${base}/openapi.json`}>
            <code>/api/v1/openapi.json</code>
          </a>
          ). For example, to see who the key acts as:
        </Trans>
      </p>
      <pre className={s.example} translate="no">
        <code>{`curl -H "Authorization: Bearer lmn_…" ${base}/me`}</code>
      </pre>
    </Panel>
  );
}
