import { handleGraphQLStream } from '@/graphql/server/handle-graphql-stream';
import { appServices } from '@/lib/server/app-context';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = (req: Request) => handleGraphQLStream(req, appServices());
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
