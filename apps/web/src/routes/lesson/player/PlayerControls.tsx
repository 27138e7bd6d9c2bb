import { useLingui } from "@lingui/react/macro";
import { PLAYBACK_RATES } from "@lumen/shared/constants";
import { MenuButton } from "../../../components/ui/Menu";
import { formatMediaTime } from "../../../lib/media-time";
import { Icon } from "./icons";
import s from "./player.module.css";
import type { PlayerAction } from "./player-keys";
import { SeekBar } from "./SeekBar";
import type { HlsSource } from "./use-hls-source";
import type { MediaState } from "./use-media-state";

export function PlayerControls({
  media,
  duration,
  hls,
  fullscreen,
  perform,
  onSeek,
  onVolume,
  onRate,
}: {
  media: MediaState;
  duration: number;
  hls: HlsSource;
  fullscreen: boolean;
  perform: (action: PlayerAction) => void;
  onSeek: (seconds: number) => void;
  onVolume: (volume: number) => void;
  onRate: (rate: number) => void;
}) {
  const { t } = useLingui();
  const speeds = PLAYBACK_RATES.map((rate) => ({
    value: rate,
    label: rate === 1 ? t`Normal` : `${rate}×`,
  }));
  const playing = !media.paused && !media.ended;
  const silent = media.muted || media.volume === 0;
  const height = hls.playingHeight;
  const auto = height ? t`Auto (${height}p)` : t`Auto`;
  const quality = [
    { value: -1, label: auto },
    ...hls.levels.map((l) => ({ value: l.index, label: `${l.height}p` })),
  ];
  const captions = [
    { value: -1, label: t`Off` },
    ...hls.captions.map((c) => ({ value: c.id, label: c.label })),
  ];
  return (
    <div className={s.controls}>
      <SeekBar
        currentTime={media.currentTime}
        duration={duration}
        bufferedEnd={media.bufferedEnd}
        onSeek={onSeek}
      />
      <div className={s.bar}>
        <button
          type="button"
          className={s.button}
          aria-label={playing ? t`Pause` : t`Play`}
          onClick={() => perform({ type: "togglePlay" })}
        >
          <Icon name={playing ? "pause" : "play"} />
        </button>
        <button
          type="button"
          className={s.button}
          aria-label={silent ? t`Unmute` : t`Mute`}
          onClick={() => perform({ type: "toggleMute" })}
        >
          <Icon name={silent ? "muted" : "volume"} />
        </button>
        <input
          type="range"
          className={s.volume}
          aria-label={t`Volume`}
          min={0}
          max={1}
          step={0.05}
          value={media.muted ? 0 : media.volume}
          aria-valuetext={`${Math.round((media.muted ? 0 : media.volume) * 100)} %`}
          onChange={(event) => onVolume(Number(event.target.value))}
        />
        <span className={s.time}>
          <span data-testid="player-current-time">{formatMediaTime(media.currentTime)}</span>
          {" / "}
          {formatMediaTime(duration)}
        </span>
        <span className={s.spacer} />
        <MenuButton
          label={t`Playback speed`}
          buttonText={media.rate === 1 ? "1×" : `${media.rate}×`}
          options={speeds}
          value={media.rate}
          onChange={onRate}
          tone="media"
          buttonClassName={s.button}
        />
        {hls.captions.length > 0 && (
          <MenuButton
            label={t`Captions`}
            icon={<Icon name="captions" />}
            options={captions}
            value={hls.caption}
            onChange={hls.setCaption}
            tone="media"
            buttonClassName={s.button}
          />
        )}
        {hls.levels.length > 0 && (
          <MenuButton
            label={t`Quality`}
            icon={<Icon name="quality" />}
            buttonText={
              hls.level === -1
                ? t`Auto`
                : `${hls.levels.find((l) => l.index === hls.level)?.height ?? ""}p`
            }
            options={quality}
            value={hls.level}
            onChange={hls.setLevel}
            tone="media"
            buttonClassName={s.button}
          />
        )}
        <button
          type="button"
          className={s.button}
          aria-label={fullscreen ? t`Exit full screen` : t`Full screen`}
          onClick={() => perform({ type: "toggleFullscreen" })}
        >
          <Icon name={fullscreen ? "exitFullscreen" : "enterFullscreen"} />
        </button>
      </div>
    </div>
  );
}
