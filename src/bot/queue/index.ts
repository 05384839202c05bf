export type { SendQueue, SendMessage, ReceivedMessage } from './send-queue';
export { SqliteSendQueue } from './sqlite-send-queue';
export type { SqliteSendQueueOptions } from './sqlite-send-queue';
export { AzureSendQueue } from './azure-send-queue';
export type { AzureSendQueueOptions } from './azure-send-queue';
