import { useEffect, useState } from "react";
import s from "./auth.module.css";
import { secondsLeft, waitText } from "./auth-problem";

/**
 * "Try again in N s", counting down each second. The ticking text is a timer (not announced
 * every second); reaching zero is announced once as a status.
 */
export function RetryCountdown({ until }: { until: number }) {
  const [left, setLeft] = useState(() => secondsLeft(until, Date.now()));
  useEffect(() => {
    setLeft(secondsLeft(until, Date.now()));
    const timer = window.setInterval(() => {
      const next = secondsLeft(until, Date.now());
      setLeft(next);
      if (next === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return left > 0 ? (
    <p role="timer" aria-live="off" className={s.formWait}>
      {waitText(left)}
    </p>
  ) : (
    <p role="status" className={s.formWait}>
      {waitText(0)}
    </p>
  );
}
