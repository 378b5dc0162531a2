import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    // Wiring only; the worker's behaviour lives in lib/.
  },
});
