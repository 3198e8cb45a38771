export declare const DEFAULT_DATA_DIR: string;
export declare function urlFor(port: number): string;
export declare function findRunningEmbeddedDb(dataDir?: string): string | null;
export declare function startEmbeddedDb(options?: {
  dataDir?: string;
  port?: number;
  fresh?: boolean;
}): Promise<{ url: string; port: number; stop: () => Promise<void> }>;
