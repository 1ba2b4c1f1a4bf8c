/** What a submission needs to know about one e-service (read from process-definitions/<process-id>.service.json). */
export interface EService {
  readonly serviceId: string;
  /** The BPMN process an application of this service starts. */
  readonly processId: string;
  /** The Form.io form the citizen fills in; its latest published version is used. */
  readonly startFormId: string;
  /** How many working days the municipality takes, counted from the registration date. */
  readonly expectedWorkingDays: number;
  /** Where the working days depend on a submitted value (e.g. a complaint's category): that field and its days. */
  readonly workingDaysByValue?: { readonly variable: string; readonly workingDays: Readonly<Record<string, number>> };
  /** The code of the org unit that handles the service, e.g. DD.DHM; its staff may read the applications. */
  readonly ownerUnitCode: string;
}

/**
 * The e-services citizens may apply for. Implemented over loadServiceDefinitions (runtime/src/procedures);
 * an interface here so that submissions can be tested with a fake catalog.
 */
export interface ServiceCatalog {
  /** The service with this id, or undefined when there is none. */
  find(serviceId: string): EService | undefined;
}
