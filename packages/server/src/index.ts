export { createSSEResponse } from './sse-response.ts';
export type { SSEResponseOptions } from './sse-response.ts';
export { createEncoder } from './encoder.ts';
export type { EncoderFormat } from './encoder.ts';
export { createUIMessageStreamEncoder } from './encoders/ui-message-stream.ts';
export type { Encoder, SSEMessage } from './encoders/types.ts';
export { formatSSEFrame } from './sse-frame.ts';
