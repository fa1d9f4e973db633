export type { ChatStatus } from '@streamkit/core';
