/** The canon HTTP contract shared by the extension and the server: pure, no Node APIs. */
export * from './limits';
export * from './text';
export * from './requests';
export * from './responses';
export * from './canon';
export * from './languages';
export { API_PREFIX, ERROR_CODES, type ErrorCode } from './errors';
