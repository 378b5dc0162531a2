// Shared with the sidebar benchmark, which may not import tests/.
export { WE_THINK, weThinkOnAmazon } from '../../scripts/canon-book-page';
