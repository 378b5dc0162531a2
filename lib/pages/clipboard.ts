/**
 * Text onto the clipboard from an extension page. The async Clipboard API
 * first; framed into a book page the frame may not hold the clipboard-write
 * permission, and the older copy command still works there on the reader's
 * click, so it is the fallback.
 */
import { fail, ok, type Result } from '../shared/messages/result';

export async function copyToClipboard(text: string): Promise<Result<null>> {
  try {
    await navigator.clipboard.writeText(text);
    return ok(null);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'clipboard-source';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied ? ok(null) : fail('clipboard', 'The browser did not allow copying.');
  }
}
