/**
 * The body of `content-scripts/sidebar-controls.js`, loaded into a frame once
 * its page agent found a book (see sidebar-controls-loader.ts). It only
 * leaves the controls' start function for the frame's content script, with
 * their ways to the background bound.
 */
import { sendToBackground } from './channel';
import { listenForCommands } from './command-listener';
import { extensionApi } from './extension-api';
import { startSidebarControls } from './sidebar-controls';
import { installSidebarControls } from './sidebar-controls-loader';

export function provideSidebarControls(): void {
  installSidebarControls((ctx, start) =>
    startSidebarControls(ctx, start, {
      standing: async () => {
        const reply = await sendToBackground('getPageBookStanding', undefined);
        return reply.ok ? reply.value : null;
      },
      rememberOpen: (open) => sendToBackground('rememberSidebarOpen', { open }),
      listenForCommands: (handlers, signal) => listenForCommands((extensionApi() ?? chrome).runtime, handlers, signal),
    }),
  );
}
