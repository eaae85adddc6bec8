import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The local executor and the DynamoDB emulator are Node-only and must never be bundled.
  serverExternalPackages: ['aws-local-stepfunctions', 'dynalite'],
  poweredByHeader: false,
  // forbidden() and unauthorized(): the access guard answers 403 and 401 from pages and server actions.
  experimental: { authInterrupts: true },
};

export default nextConfig;
