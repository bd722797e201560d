import 'dotenv/config';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Not env(): `prisma generate` needs no database and must run without DATABASE_URL.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
