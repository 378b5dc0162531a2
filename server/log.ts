/**
 * The server's log: one line per event, with a level. Request paths, names
 * and error messages can carry anything a client sent, so every control
 * character (and the Unicode line and paragraph separators) is written as an
 * escape: a `%0A` in a path can never start a forged log line, and a stack
 * trace stays on one line.
 */
export type Log = { info(line: string): void; error(line: string): void };

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Lines to stdout (info) and stderr (error), each escaped and prefixed with its level. */
export function consoleLog(prefix = '[canon]'): Log {
  return {
    info: (line) => console.log(`${prefix} info ${escapeControls(line)}`),
    error: (line) => console.error(`${prefix} error ${escapeControls(line)}`),
  };
}

/** Adapts a plain line sink (tests pass one) to a Log, escaping as consoleLog does. */
export function lineLog(sink: (line: string) => void): Log {
  return {
    info: (line) => sink(`info ${escapeControls(line)}`),
    error: (line) => sink(`error ${escapeControls(line)}`),
  };
}

export const silentLog: Log = { info: () => {}, error: () => {} };
