// Send a typed message to the background worker and get its answer (the worker validates it).
import { browser } from 'wxt/browser';
import type { Message } from '../lib/messages';

export function ask<T>(message: Message): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}
