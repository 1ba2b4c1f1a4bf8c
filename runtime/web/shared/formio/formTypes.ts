/** A Form.io component as the Polis apps read it (the renderer reads the rest). */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  title?: string;
  legend?: string;
  storage?: string;
  url?: string;
  properties?: Record<string, string>;
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  rows?: unknown;
  [setting: string]: unknown;
}

/** A Form.io form definition. */
export interface FormDefinition {
  title?: string;
  properties?: Record<string, string>;
  components: FormComponent[];
  [setting: string]: unknown;
}

/** An uploaded file as a submission refers to it. */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** What POST /attachments answers. */
export interface UploadedAttachment {
  readonly attachmentId: string;
  readonly size: number;
  readonly mediaType: string;
  readonly originalName: string;
}
