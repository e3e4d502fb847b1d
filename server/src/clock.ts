/**
 * The server's notion of "now". Identity and time come from the server, never from a payload;
 * tests inject a clock to move time (token expiry, rate-limit windows) without sleeping.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
