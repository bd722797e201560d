import { TokenScopeError } from '../../lib/auth/api-tokens.ts';
import { issueApiToken } from '../../lib/auth/issue-api-token.ts';
import { openDatabase } from '../database.ts';

export async function token(
  positionals: string[],
  o: Record<string, string | boolean | undefined>,
): Promise<number> {
  if (positionals[0] !== 'create' || typeof o.owner !== 'string' || typeof o.scopes !== 'string') {
    console.error(
      'usage: imagehr token create --owner EMAIL --name NAME --scopes read:patients,read:findings [--expires-days N]',
    );
    return 2;
  }
  const database = await openDatabase();
  try {
    const owner = await database.db.user.findUnique({ where: { email: o.owner.toLowerCase() } });
    if (!owner) {
      console.error(`no user ${o.owner}`);
      return 1;
    }
    const days = typeof o['expires-days'] === 'string' ? Number(o['expires-days']) : null;
    const { secret, token: created } = await issueApiToken(database.db, null, {
      ownerId: owner.id,
      name: typeof o.name === 'string' ? o.name : 'cli',
      scopes: o.scopes.split(',').map((s) => s.trim()),
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
    });
    console.log(`token ${created.id} (${created.scopes.join(', ')})\n${secret}\nShown once: store it now.`);
    return 0;
  } catch (e) {
    if (e instanceof TokenScopeError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
    await database.embedded?.stop();
  }
}
