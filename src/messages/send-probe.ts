/**
 * The gate's one message, its probe, sent through the browser's own runtime (no polyfill, no
 * validator): the gate stays small and cheap to evaluate. The background parses it (protocol.ts).
 */
import { sendNativeMessage } from '../platform/native-runtime';
import type { ProbeMessage } from './protocol';

/** Content script (gate) → background; rejects when the extension is gone. */
export const sendProbe = (message: ProbeMessage): Promise<unknown> => sendNativeMessage(message);
