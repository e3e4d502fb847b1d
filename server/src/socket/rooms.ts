/** socket.io room names. */
export const rooms = {
  user: (userId: string): string => `user:${userId}`,
  meeting: (meetingId: string): string => `meeting:${meetingId}`,
  token: (tokenId: string): string => `token:${tokenId}`,
  /** Secretariat and admin sockets: they see every meeting's entries. */
  staff: 'staff',
  /**
   * Member sockets whose meeting rooms are not settled yet (createSocketServer.ts): they get
   * news as hints only, never with entries inlined.
   */
  settling: 'settling',
} as const;
