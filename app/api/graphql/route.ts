import { handleGraphQLRequest } from '@/graphql/server/handle-graphql-request';
import { appServices } from '@/lib/server/app-context';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = (req: Request) => handleGraphQLRequest(req, appServices());
export const POST = GET;
