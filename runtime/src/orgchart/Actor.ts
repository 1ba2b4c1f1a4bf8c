/** Who performs a command: the signed-in user, whom they act for as a deputy, and where the request came from. */
export interface Actor {
  /** Undefined for the system itself (start-up, imports run by the operator). */
  readonly userId: string | undefined;
  readonly actingForUserId?: string | undefined;
  /** The third-party system (OAuth client id) when the change came through the API with an access token. */
  readonly clientId?: string | undefined;
  readonly sourceIp: string | undefined;
}

/** The actor for changes made by Polis itself, such as loading the demo org chart. */
export const systemActor: Actor = { userId: undefined, sourceIp: undefined };
