import { describe, expect, test } from 'vitest';
import { firefoxActionWidget, GECKO_ID } from '../../tools/build/firefox';

describe("Gloss's identity in Firefox", () => {
  test("its toolbar button's id is derived from the add-on id as Firefox derives it", () => {
    // The id Firefox gives the button of gloss@gloss.invalid (checked in Firefox ESR's toolbar).
    expect(firefoxActionWidget(GECKO_ID)).toBe('gloss_gloss_invalid-browser-action');
    expect(firefoxActionWidget('Some.Add-on@Example')).toBe('some_add-on_example-browser-action');
  });
});
