import { Trans, useLingui } from "@lingui/react/macro";
import { linkButtonClass } from "../../../components/ui/Button";
import s from "./analytics.module.css";
import { formatNumber, formatSecond, type VideoEngagement } from "./analytics-view";
import { DataTable } from "./parts";

/** "Play from 1:05": moves the preview player there. */
export function SeekButton({
  second,
  onSeek,
}: {
  second: number;
  onSeek: (second: number) => void;
}) {
  return (
    <button type="button" className={linkButtonClass} onClick={() => onSeek(second)}>
      <Trans>Play from {formatSecond(second)}</Trans>
    </button>
  );
}

/** The stretches watched again and where viewers stop, each with a seek button. */
export function SegmentLists({
  video,
  onSeek,
}: {
  video: VideoEngagement;
  onSeek: (s: number) => void;
}) {
  const { t } = useLingui();
  return (
    <>
      <section aria-labelledby="rewatched-heading">
        <h3 id="rewatched-heading">
          <Trans>Watched again</Trans>
        </h3>
        {video.rewatchedSegments.length === 0 ? (
          <p className={s.summary}>
            <Trans>No stretch is watched noticeably more than once.</Trans>
          </p>
        ) : (
          <DataTable
            hiddenCaption
            table={{
              caption: t`Stretches watched again`,
              columns: [
                { label: t`Stretch` },
                { label: t`Plays per viewer`, numeric: true },
                { label: t`Preview` },
              ],
              rows: video.rewatchedSegments.map((seg) => ({
                key: `${seg.fromSecond}`,
                cells: [
                  `${formatSecond(seg.fromSecond)}–${formatSecond(seg.toSecond)}`,
                  formatNumber(seg.playsPerViewer, 2),
                  <SeekButton key="seek" second={seg.fromSecond} onSeek={onSeek} />,
                ],
              })),
            }}
          />
        )}
      </section>
      <section aria-labelledby="stops-heading">
        <h3 id="stops-heading">
          <Trans>Where viewers stop</Trans>
        </h3>
        {video.stopPoints.length === 0 ? (
          <p className={s.summary}>
            <Trans>No unfinished viewer stopped anywhere in particular.</Trans>
          </p>
        ) : (
          <DataTable
            hiddenCaption
            table={{
              caption: t`Where unfinished viewers stopped`,
              columns: [
                { label: t`Time` },
                { label: t`Viewers who stopped`, numeric: true },
                { label: t`Preview` },
              ],
              rows: video.stopPoints.map((stop) => ({
                key: `${stop.second}`,
                cells: [
                  formatSecond(stop.second),
                  stop.stops,
                  <SeekButton key="seek" second={stop.second} onSeek={onSeek} />,
                ],
              })),
            }}
          />
        )}
      </section>
    </>
  );
}
