import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Electron 41 and Debian's Chromium are both recent.
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
});
