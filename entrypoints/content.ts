import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES, detectBook } from '../lib/detect';
import { messenger } from '../lib/messages/protocol';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main() {
    const book = detectBook(document, location.href);
    void messenger.sendMessage('reportPageBook', book);
  },
});
