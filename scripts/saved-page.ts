/**
 * Reading saved pages from disk the way a browser would: bytes decoded by the
 * charset the page declares (several real pages are ISO-8859-1), then parsed
 * by happy-dom with scripts off. Shared by the detect CLI, the accuracy and
 * bench scripts and the fixture tests.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** Browsers look for the charset declaration in the first 1024 bytes; pretty-printed pages need more. */
const CHARSET_SNIFF_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/** The charset a page declares in `<meta charset>` or `http-equiv="Content-Type"`, else utf-8. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
}

export function decodePage(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown label (typos like "utf8x"): fall back the way browsers do.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const REPR_ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  '\\': 92,
  "'": 39,
  '"': 34,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '0': 0,
};

/**
 * The bytes behind a Python `bytes` repr body (`\n`, `\xNN`, `\'` escapes,
 * without the `b'…'` quotes) — how one saved page was committed.
 */
export function bytesFromPythonRepr(text: string): Uint8Array {
  const body = text.replace(/\n$/, '');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch !== 92 || i + 1 >= body.length) {
      out.push(ch & 0xff);
      continue;
    }
    const next = body[i + 1] ?? '';
    if (next === 'x') {
      out.push(parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (next in REPR_ESCAPES) {
      out.push(REPR_ESCAPES[next] ?? 0);
      i += 1;
    } else out.push(ch);
  }
  return Uint8Array.from(out);
}

export function readSavedPage(path: string, storedAs?: string): string {
  const raw = readFileSync(path);
  const bytes = storedAs === 'python-bytes-repr' ? bytesFromPythonRepr(raw.toString('latin1')) : raw;
  return decodePage(bytes);
}

/**
 * happy-dom 21 ends the document at a `<style>` inside inline `<svg>` (the
 * DNB catalogue's icons): everything after it is lost, where browsers parse
 * on. Such styles only colour icons, so they are dropped before parsing.
 */
export function withoutSvgStyles(html: string): string {
  return html.replace(
    /(<svg\b[^>]*>)([\s\S]*?)(<\/svg>)/gi,
    (_all, open: string, body: string, close: string) => open + body.replace(/<style\b[\s\S]*?<\/style>/gi, '') + close,
  );
}

/** A happy-dom document for the HTML, located at `url`, with script execution and loading off. */
export function parsePage(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(withoutSvgStyles(html), 'text/html');
  return { document: document as unknown as Document, close: () => window.happyDOM.close() };
}
