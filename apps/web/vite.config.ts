import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/public': api, '/docs': api, '/admin': api },
  },
  build: { sourcemap: true, reportCompressedSize: true, chunkSizeWarningLimit: 600 },
});
