/** Gloss's identity in Firefox: set in the manifest at build, and used by the tests to find it. */

/** The add-on id (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'gloss@gloss.invalid';
export const FIREFOX_MIN_VERSION = '142.0';

/** Firefox's id for the toolbar button of an add-on (as its makeWidgetId derives it). */
export const firefoxActionWidget = (addonId = GECKO_ID) =>
  `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
