/** What a name is: a client (or a lead's title, which often names one) or a person. */
export type NameKind = 'client' | 'lead' | 'person';

/** Where names are reported as they are read; the inputs of a `--redact` run carry one. */
export interface NameSink {
  learn(name: string, kind: NameKind): void;
}

/** The fields of every input that hold a name, and what kind of name. */
export const NAME_FIELDS: Readonly<Record<string, NameKind>> = { client: 'client', lead: 'lead', manager: 'person' };
