// Lives in scripts/ so benchmarks can share it without importing tests/.
export { sendAsExtensionPage, valueOf } from '../../scripts/extension-messages';
