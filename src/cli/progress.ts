import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/**
 * A progress bar on `stream` when a person watches it (a terminal); null when it is a file or a
 * pipe, where the caller prints plain lines instead.
 */
export function progressBar(
  total: number,
  label = '',
  stream: NodeJS.WriteStream = process.stdout,
): Progress | null {
  if (!stream.isTTY) return null;
  const bar = new SingleBar({ format: ' {bar} {value}/{total} {label}', hideCursor: true, stream });
  bar.start(total, 0, { label });
  return {
    update: (done, next) => bar.update(done, next === undefined ? {} : { label: next }),
    stop: () => bar.stop(),
  };
}
