// Send a message to the background worker: its answer's type comes from the protocol map
// (lib/messages.ts), not from the caller. The worker validates every message it gets.
import { browser } from 'wxt/browser';
import type { AnswerOf, MessageType, RequestOf } from '../lib/messages';

export function ask<K extends MessageType>(type: K, ...data: keyof RequestOf<K> extends never ? [] : [RequestOf<K>]): Promise<AnswerOf<K>> {
  return browser.runtime.sendMessage({ ...data[0], type }) as Promise<AnswerOf<K>>;
}
