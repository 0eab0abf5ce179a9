import { beforeEach, expect, test, vi } from 'vitest';

const api: { sidePanel?: { open: unknown }; sidebarAction?: { open: unknown } } = {};
vi.mock('../../src/platform/browser', () => ({ browser: api }));
const { canOpenSidePanel, openSidePanel } = await import('../../src/platform/panel');

beforeEach(() => {
  delete api.sidePanel;
  delete api.sidebarAction;
});

test('Chrome: sidePanel.open for the tab', async () => {
  const open = vi.fn(async () => {});
  api.sidePanel = { open };
  expect(canOpenSidePanel()).toBe(true);
  await openSidePanel(12);
  expect(open).toHaveBeenCalledWith({ tabId: 12 });
  await expect(openSidePanel(null)).rejects.toThrow();
});

test('Firefox: sidebarAction.open, called at once (in the user gesture)', () => {
  const open = vi.fn(async () => {});
  api.sidebarAction = { open };
  void openSidePanel(12);
  expect(open).toHaveBeenCalledTimes(1); // synchronously, before any await
});

test('neither: says so', async () => {
  expect(canOpenSidePanel()).toBe(false);
  await expect(openSidePanel(3)).rejects.toThrow(/no side panel/);
});
