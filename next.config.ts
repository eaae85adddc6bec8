import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The local executor and the DynamoDB emulator are Node-only and must never be bundled.
  serverExternalPackages: ['aws-local-stepfunctions', 'dynalite'],
  poweredByHeader: false,
};

export default nextConfig;
