import crypto from 'node:crypto';
import { ZodError } from 'zod';
import { createUser } from '../../lib/users/create-user.ts';
import { openDatabase } from '../database.ts';

export async function user(
  positionals: string[],
  o: Record<string, string | boolean | undefined>,
): Promise<number> {
  if (positionals[0] !== 'create' || typeof o.email !== 'string' || typeof o.role !== 'string') {
    console.error(
      'usage: imagehr user create --email E --name N --role ADMIN|PHYSICIAN|COORDINATOR|ANNOTATOR|VIEWER [--password P]',
    );
    return 2;
  }
  const password = typeof o.password === 'string' ? o.password : crypto.randomBytes(12).toString('base64url');
  const database = await openDatabase();
  try {
    const created = await createUser(database.db, null, {
      email: o.email,
      name: typeof o.name === 'string' ? o.name : o.email,
      role: o.role.toUpperCase() as 'ADMIN',
      password,
    });
    console.log(`created ${created.email} (${created.role})${o.password ? '' : `, password: ${password}`}`);
    return 0;
  } catch (e) {
    if (e instanceof ZodError) {
      console.error(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      return 2;
    }
    throw e;
  } finally {
    await database.close();
    await database.embedded?.stop();
  }
}
