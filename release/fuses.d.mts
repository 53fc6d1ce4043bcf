// Types of ./fuses.mjs for the tests (the release scripts run as plain JavaScript under electron-builder).
export declare const RELEASE_FUSES: Record<string, boolean>;
