/** The search step's line in a build's summary, apart from the step so that build.ts prints it without loading the index code. */
import type { SearchIndexResult } from './write-index.ts';

export function searchSummary(result: SearchIndexResult): string {
  const segments = result.segments.map((segment) => `${segment.docs} in ${segment.buckets} buckets`).join(' + ');
  return (
    `[archive] search index: ${result.articles} articles, segments ${segments}; ${result.indexed} indexed now (${result.grams} grams, ${result.postings} postings); ` +
    `${result.written} of ${result.files} files written, ${result.removed} removed (${result.seconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s)`
  );
}
