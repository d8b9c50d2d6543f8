export const DEFAULT_API_VERSION = '2021-04-15';

export const API_VERSIONS = [DEFAULT_API_VERSION, 'v3'] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];
