/**
 * The part of Eleventy 3's configuration API this site uses. Eleventy ships JavaScript with
 * JSDoc only, so these declarations keep .eleventy.ts type-checked under `strict`.
 */
declare module '@11ty/eleventy' {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    layouts?: string;
    data: string;
  }

  export interface EleventyAfterEvent {
    directories: EleventyDirectories;
    runMode: 'build' | 'watch' | 'serve';
    outputMode: 'fs' | 'json' | 'ndjson';
  }

  export interface FilterContext {
    page?: { url?: string; inputPath?: string };
  }

  export type Filter = (this: FilterContext, value: any, ...args: any[]) => unknown;

  export interface UserConfig {
    pathPrefix: string;
    addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: Filter): void;
    getFilter(name: string): Filter;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    /** Called with each output file's content before it is written; returns the content to write. */
    addTransform(name: string, transform: (this: FilterContext, content: unknown) => unknown): void;
    /** `key` makes the extension an alias of a built-in template language (11ty.ts → 11ty.js). */
    addExtension(extensions: string | string[], options: { key: string }): void;
    setServerOptions(options: Record<string, unknown>): void;
    on(event: 'eleventy.after', handler: (event: EleventyAfterEvent) => unknown): void;
    on(event: 'eleventy.before', handler: (event: { directories: EleventyDirectories; runMode: string }) => unknown): void;
    setQuietMode(quiet: boolean): void;
  }

  export const HtmlBasePlugin: unknown;
  export const InputPathToUrlTransformPlugin: unknown;
}

/** The part of @11ty/eleventy-dev-server's documented API `npm start` uses (src/start.ts). */
declare module '@11ty/eleventy-dev-server' {
  export interface DevServerOptions {
    domDiff?: boolean;
    pathPrefix?: string;
    portReassignmentRetryCount?: number;
    logger?: { info(text: string): void; log(text: string): void; error(text: string): void };
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    /** Tells every open page to reload (with no files named: the whole page). */
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
  }
}
