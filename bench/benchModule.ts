/**
 * One section of `npm run bench`: it runs, logs what it does for people (stderr), and
 * answers the object that goes under its key in the `--json` document. New sections
 * ("server", "web") are new modules added to the list in run.ts.
 */
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface BenchModule {
  /** The key of the section in the JSON document, and the name `--only` takes. */
  key: string;
  description: string;
  run(log: (line: string) => void): Promise<{ [key: string]: JsonValue }>;
}
