import type { Role } from '../../../shared/domain/user.ts';

/** The secretariat and administrators run meetings: they see the secretariat panel. */
export function isStaff(role: Role | null | undefined): boolean {
  return role === 'secretariat' || role === 'admin';
}
