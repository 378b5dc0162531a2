// The launcher lives in scripts/ so benchmarks can share it without importing tests/.
export {
  CHROMIUM_PATH,
  EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
  type LaunchOptions,
} from '../../scripts/extension-browser';
