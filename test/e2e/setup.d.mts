/** The code-server release the e2e tests drive. */
export declare const CODE_SERVER_VERSION: string;
/** Path of the Chromium binary Playwright drives. */
export declare const CHROMIUM: string;
/** Where code-server lives between runs. */
export declare function cacheDir(): string;
/** Path of the code-server launcher inside the cache folder. */
export declare function codeServerBin(): string;
/** Installs everything missing; safe to run again and again. */
export declare function setUpE2eMachine(): void;
/** Environment for every code-server process: config and data folders under the cache folder. */
export declare function codeServerEnv(): Record<string, string>;
/** The version code-server printed for `--version`, or undefined when no line carries one. */
export declare function parseCodeServerVersion(output: string): string | undefined;
