/**
 * Every string Gloss shows comes from the extension's message catalogue
 * (assets/_locales/<lang>/messages.json), through `t`. Keys are typed from the English catalogue,
 * so a missing key fails the type check.
 */
import { browser } from './browser';

export type MessageKey = keyof typeof import('../../assets/_locales/en/messages.json');

/**
 * A message lookup: the key's message with `$1`-style placeholders filled from `subs`. Pure code
 * (the hover cards' contents) takes one as an argument, so tests can pass their own.
 */
export type Translate = (key: MessageKey, subs?: ReadonlyArray<string | number>) => string;

/** The message for `key`, with `$1`-style placeholders filled from `subs`. Never empty. */
export const t: Translate = (key, subs) => {
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs?.map(String));
  } catch {
    // A broken catalogue must not blank the UI: fall through to the key.
  }
  return message || key;
};
