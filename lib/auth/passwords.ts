/** Password hashing (bcrypt, cost 12 in production; tests may lower it through IMAGEHR_BCRYPT_COST). */
import bcrypt from 'bcryptjs';

const cost = () => Number(process.env.IMAGEHR_BCRYPT_COST ?? 12);

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
