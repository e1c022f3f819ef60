import { catalog } from './catalog';
import { formatNumber } from './format';

/** Words several areas share: durations, and the separator between facts on one line. */
const en = {
  /** Between facts on one line: "3 of 10 · 2 failed". */
  separator: ' · ',
  seconds: (s: number) => `${formatNumber(s)} s`,
  minutesSeconds: (m: number, s: number) => `${formatNumber(m)} min ${String(s).padStart(2, '0')} s`,
  hoursMinutes: (h: number, m: number) => `${formatNumber(h)} h ${String(m).padStart(2, '0')} min`,
  /** After a duration: "3 min 12 s left". */
  left: (duration: string) => `${duration} left`,
};

export type CommonText = typeof en;
export const COMMON_TEXT: CommonText = catalog({ en });

/** 45 s, 3 min 12 s, 1 h 05 min: the two largest units, enough for an ETA. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return COMMON_TEXT.seconds(s);
  if (s < 3600) return COMMON_TEXT.minutesSeconds(Math.floor(s / 60), s % 60);
  return COMMON_TEXT.hoursMinutes(Math.floor(s / 3600), Math.floor((s % 3600) / 60));
}
