import { timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column read back as a Date (millisecond precision, set by the server's clock). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
