import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcChannelName } from '../../shared/protocol/channels';
import { isAppUrl } from '../security';

/** The frame fields the sender check reads (WebFrameMain in the app, plain objects in tests). */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly frameToken: string;
  readonly parent: FrameLike | null;
}

/** The event fields the wrapper reads: a structural subset of IpcMainInvokeEvent. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/**
 * Only the top frame of our own window, showing our own app:// page, may call main: not
 * an iframe, not another WebContents (devtools, a stray popup), not a page that managed to
 * navigate elsewhere.
 */
export function checkSender(event: InvokeEventLike, isOurWebContents: (id: number) => boolean): SenderCheck {
  const frame = event.senderFrame;
  if (frame === null) return { ok: false, reason: 'the sending frame is gone' };
  if (!isOurWebContents(event.sender.id)) return { ok: false, reason: 'the sender is not the Layerwise window' };
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.frameToken !== main.frameToken || frame.processId !== main.processId) {
    return { ok: false, reason: 'the sender is not the main frame' };
  }
  if (!isAppUrl(frame.url)) return { ok: false, reason: `the sender URL ${JSON.stringify(frame.url)} is not the app origin` };
  return { ok: true };
}

export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

export type Handler<S extends z.ZodType, R> = (payload: z.output<S>, event: IpcMainInvokeEvent) => R | Promise<R>;

/**
 * The one wrapper every IPC handler goes through (electron/fiddle's pattern): it checks
 * the sender, then parses the single payload argument with the channel's zod schema; the
 * handler only ever sees a validated payload. A refusal throws, and the renderer's
 * `invoke` rejects with the message.
 */
export function createHandle(ipcMain: IpcMainLike, isOurWebContents: (id: number) => boolean, log: (message: string) => void = console.warn) {
  return function handle<S extends z.ZodType, R>(channel: IpcChannelName, schema: S, handler: Handler<S, R>): void {
    ipcMain.handle(channel, async (event, ...args) => {
      const sender = checkSender(event, isOurWebContents);
      if (!sender.ok) {
        log(`IPC ${channel} refused: ${sender.reason}`);
        throw new Error(`${channel} refused: ${sender.reason}`);
      }
      if (args.length > 1) throw new Error(`${channel}: expected one argument, got ${args.length}`);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) throw new Error(`${channel}: invalid request: ${formatIssues(parsed.error)}`);
      return handler(parsed.data, event);
    });
  };
}

export type Handle = ReturnType<typeof createHandle>;
