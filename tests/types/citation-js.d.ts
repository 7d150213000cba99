/** The parts of citation-js the tests use as a reference parser (the packages ship no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(input: unknown);
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
