import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mantine, React and the router make up one vendor chunk of ~400 kB; feature routes are lazy.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: {
        // @haven/domain is pure (no import registers anything): a screen gets only the schemas and
        // code lists it uses, not the name matcher or the language table it never touches.
        moduleSideEffects: (id: string) => (/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) ? false : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Whole screens render in jsdom (Mantine, lazy routes): a slow machine must not fail them.
    testTimeout: 20_000,
  },
});
