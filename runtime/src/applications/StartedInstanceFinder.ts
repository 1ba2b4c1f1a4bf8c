/**
 * Finds the process instance already started for an application, if any: how the outbox dispatcher stays
 * idempotent when it cannot know whether an earlier attempt reached the engine (a crash, a lost answer).
 */
export interface StartedInstanceFinder {
  /** The key of an instance of the process whose `applicationId` variable is this application's id. */
  find(applicationId: string, bpmnProcessId: string): Promise<string | undefined>;
}
