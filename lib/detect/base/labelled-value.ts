/**
 * The value printed next to a label ("ISBN", "ISBN-13:") on pages whose
 * markup has no stable classes (generated class names, plain `<span>` pairs):
 * the element whose whole text is the label, then the text after it.
 */
import { cleanText, textOf } from './text';

/** Elements that hold a label in the wild; narrow enough to stay cheap on big pages. */
const LABEL_CANDIDATES = 'dt, th, td, span, div, strong, b, label, h3, h4, p';
/** A label element longer than this is prose, not a label. */
const MAX_LABEL_CHARS = 40;

/**
 * The value after the first element (within `root`) whose own text matches
 * `label`: its next element sibling, else the text that follows it inside
 * its parent (`<li><b>ISBN:</b> 978…</li>`). '' when there is none.
 */
export function valueAfterLabel(root: ParentNode, label: RegExp): string {
  for (const el of root.querySelectorAll(LABEL_CANDIDATES)) {
    const text = textOf(el);
    if (text.length > MAX_LABEL_CHARS || !label.test(text)) continue;
    const sibling = textOf(el.nextElementSibling);
    if (sibling) return sibling;
    const parent = el.parentElement;
    if (!parent) continue;
    const rest = cleanText((parent.textContent ?? '').replace(el.textContent ?? '', '')).replace(/^[:：]\s*/, '');
    if (rest) return rest;
  }
  return '';
}
