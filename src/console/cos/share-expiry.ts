// The expiry of a pre-signed URL, read from the signature itself: `q-key-time=<start>;<end>` (epoch
// seconds) is what COS checks (436/7778; docs/cos-behaviour.md "Signature"), so the console shows the
// time the server actually signed for, not one it computed on its own clock.

/** `{ start, end }` in epoch seconds, or undefined when the URL carries no valid q-key-time. */
export function keyTimeOfUrl(url: string): { start: number; end: number } | undefined {
  let value: string | null;
  try {
    value = new URL(url).searchParams.get('q-key-time');
  } catch {
    return undefined;
  }
  const m = value === null ? null : /^(\d+);(\d+)$/.exec(value);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : undefined;
}
