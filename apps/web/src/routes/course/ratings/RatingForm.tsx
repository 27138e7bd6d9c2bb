import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { FieldShell, FormError, TextField } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { Panel, panelStyles } from "../../../components/ui/Panel";
import { apiFieldErrors, trpc } from "../../../lib/trpc";
import { type RatingSummary, useInvalidateRatings } from "./api";
import s from "./ratings.module.css";

/** Why the viewer cannot rate, in their language (the server's reason codes). */
function IneligibleNote({ eligibility }: { eligibility: RatingSummary["eligibility"] }) {
  if (eligibility.eligible || eligibility.reason === "staff") return null;
  if (eligibility.reason === "too_early") {
    const required = eligibility.requiredPercent ?? 0;
    const done = eligibility.percent ?? 0;
    return (
      <p className="muted" data-testid="rating-ineligible">
        <Trans>
          Complete at least {required} % of this course to rate it (you have completed {done} %).
        </Trans>
      </p>
    );
  }
  return (
    <p className="muted" data-testid="rating-ineligible">
      {eligibility.reason === "signed_out" ? (
        <Trans>Sign in to rate this course.</Trans>
      ) : (
        <Trans>Enroll in this course to rate it.</Trans>
      )}
    </p>
  );
}

/** The learner's own rating: stars, an optional title and Markdown review; edit or delete. */
export function RatingForm({ summary, slug }: { summary: RatingSummary; slug: string }) {
  const { t } = useLingui();
  const mine = summary.mine;
  const [stars, setStars] = useState(mine?.stars ?? 0);
  const [title, setTitle] = useState(mine?.title ?? "");
  const [body, setBody] = useState(mine?.body ?? "");
  const invalidate = useInvalidateRatings(slug);
  const rate = useMutation(trpc.ratings.rate.mutationOptions({ onSuccess: () => invalidate() }));
  const remove = useMutation(
    trpc.ratings.deleteMine.mutationOptions({
      onSuccess: () => {
        setStars(0);
        setTitle("");
        setBody("");
        return invalidate();
      },
    }),
  );
  if (!summary.eligibility.eligible && !mine) {
    return <IneligibleNote eligibility={summary.eligibility} />;
  }
  const fields = apiFieldErrors(rate.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stars === 0) return;
    rate.mutate({ courseId: summary.courseId, stars, title: title.trim(), body });
  };
  return (
    <Panel raised stack as="section" aria-labelledby="my-rating-heading">
      <h3 id="my-rating-heading" className={panelStyles.title}>
        {mine ? <Trans>Your rating</Trans> : <Trans>Rate this course</Trans>}
      </h3>
      <form onSubmit={submit} noValidate aria-label={t`Your rating`}>
        <fieldset className={s.stars}>
          <legend>
            <Trans>Stars</Trans>
          </legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={s.star}>
              <input
                type="radio"
                name="stars"
                value={n}
                checked={stars === n}
                onChange={() => setStars(n)}
              />
              <Plural value={n} one="# star" other="# stars" />
            </label>
          ))}
        </fieldset>
        <TextField
          id="review-title"
          label={t`Title (optional)`}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          error={fields.title}
        />
        <FieldShell
          id="review-body"
          label={t`Review (optional)`}
          hint={t`Markdown: **bold**, *italic*, lists and links.`}
          error={fields.body}
        >
          <textarea
            id="review-body"
            rows={5}
            maxLength={5000}
            value={body}
            aria-describedby="review-body-hint"
            onChange={(e) => setBody(e.target.value)}
          />
        </FieldShell>
        {rate.isError && Object.keys(fields).length === 0 && (
          <FormError>{t`Your rating was not saved. Please try again.`}</FormError>
        )}
        {rate.isSuccess && (
          <Notice tone="success" as="p" role="status">
            <Trans>Thanks — your rating is saved.</Trans>
          </Notice>
        )}
        <div className={s.actions}>
          <Button type="submit" variant="primary" disabled={stars === 0 || rate.isPending}>
            {mine ? <Trans>Save rating</Trans> : <Trans>Submit rating</Trans>}
          </Button>
          {mine && (
            <Button
              variant="ghost"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ courseId: summary.courseId })}
            >
              <Trans>Delete my rating</Trans>
            </Button>
          )}
        </div>
      </form>
    </Panel>
  );
}
